package org.dak.gateway.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff account.
 *
 * @param username the sign-in name
 * @param passwordHash bcrypt hash of the password
 * @param roles its roles
 * @param department the department an officer is bound to
 * @param office the office below it, if any
 * @param channel the channel an adapter account is bound to
 * @param enabled whether it may sign in
 * @param failedSignIns failed sign-ins in a row (for the administrator: an account is
 * never locked, see {@link SignInThrottle})
 * @param passwordChangeRequired whether its holder must choose a password before anything
 * else (the first administrator's generated one): its tokens carry no role until then
 * @param createdAt when it was created
 * @param version for optimistic locking: a sign-in that read the account before an
 * administrator disabled it cannot write it back enabled
 */
@Document("accounts")
// a versioned save writes where {_id, version} match: this index answers it on the
// embedded MongoDB server, which would otherwise read the whole collection
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record Account(@Id String username, String passwordHash, List<String> roles, String department, String office,
		String channel, boolean enabled, int failedSignIns, boolean passwordChangeRequired, Instant createdAt,
		@Version Long version) {

	/** A new password, chosen by the account's holder: no change is required any more. */
	Account withPassword(String hash) {
		return new Account(this.username, hash, this.roles, this.department, this.office, this.channel, this.enabled, 0,
				false, this.createdAt, this.version);
	}

	/** Signed in: the failures in a row start again (failures are counted atomically). */
	Account withSignInSuccess() {
		return new Account(this.username, this.passwordHash, this.roles, this.department, this.office, this.channel,
				this.enabled, 0, this.passwordChangeRequired, this.createdAt, this.version);
	}

	AccountView view() {
		return new AccountView(this.username, this.roles, this.department, this.office, this.channel, this.enabled,
				this.createdAt);
	}

}
