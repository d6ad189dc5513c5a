package org.dak.gateway.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and sign-in.
 *
 * @param bootstrapAdminUsername the first administrator, created on an empty database
 * @param bootstrapAdminPassword its password; without one, the gateway makes one and
 * shows it once in its log, and it must be changed at the first sign-in
 * @param bootstrapAdminMustChangePassword whether the given password must be changed at
 * the first sign-in too (an installer that wrote it to a file)
 * @param demoPassword when set, demo accounts for every role are created with this
 * password (local stack only)
 * @param refreshTokenTtl how long a refresh token lives
 * @param attemptsBeforeWait failed attempts at one name's password from one address
 * before that address must wait to try it again (sign-in and password change alike)
 * @param firstWait the first wait; it doubles with each further failure
 * @param longestWait the longest wait; a count is forgotten after this long without a
 * failure
 * @param passwordHashCost bcrypt's cost: each step doubles the work of hashing and
 * checking a password (10: about 70 ms of a core); hashes made at another cost are still
 * read
 */
@ConfigurationProperties("dak.gateway.accounts")
public record AccountProperties(@DefaultValue("admin") String bootstrapAdminUsername, String bootstrapAdminPassword,
		boolean bootstrapAdminMustChangePassword, String demoPassword, @DefaultValue("12h") Duration refreshTokenTtl,
		@DefaultValue("5") int attemptsBeforeWait, @DefaultValue("30s") Duration firstWait,
		@DefaultValue("1h") Duration longestWait, @DefaultValue("10") int passwordHashCost) {
}
