package org.dak.gateway.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as the administrator sees it: never its password hash.
 */
record AccountView(String username, List<String> roles, String department, String office, String channel,
		boolean enabled, Instant createdAt) {
}
