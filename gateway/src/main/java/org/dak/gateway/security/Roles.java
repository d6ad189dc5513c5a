package org.dak.gateway.security;

import java.util.Set;

/**
 * The roles of DESIGN.md §2 (and the administrator), as they appear in tokens.
 */
public final class Roles {

	public static final String RECEIPT_DESK = "RECEIPT_DESK";

	public static final String DM = "DM";

	public static final String DEPARTMENT_OFFICER = "DEPARTMENT_OFFICER";

	public static final String CHANNEL_ADAPTER = "CHANNEL_ADAPTER";

	public static final String AUDITOR = "AUDITOR";

	public static final String ADMIN = "ADMIN";

	public static final Set<String> ALL = Set.of(RECEIPT_DESK, DM, DEPARTMENT_OFFICER, CHANNEL_ADAPTER, AUDITOR, ADMIN);

	private Roles() {
	}

}
