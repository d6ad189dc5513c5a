package org.dak.platform;

import java.util.Set;

/**
 * The roles of DESIGN.md §2, as they appear in tokens.
 */
public final class Roles {

	/** Central registry clerk: registers post, fax and walk-in items, prints receipts. */
	public static final String RECEIPT_DESK = "RECEIPT_DESK";

	/**
	 * The District Magistrate and delegated officers: the marking desk, sees everything.
	 */
	public static final String DM = "DM";

	/** Office head or staff of one department (and optionally one office below it). */
	public static final String DEPARTMENT_OFFICER = "DEPARTMENT_OFFICER";

	/**
	 * A machine client (mail, fax, social bridge) that submits for its own channel only.
	 */
	public static final String CHANNEL_ADAPTER = "CHANNEL_ADAPTER";

	/** Read-only oversight: dashboards, metrics, the audit trail. */
	public static final String AUDITOR = "AUDITOR";

	/** Manages accounts, roles and adapter keys; sees no complaint data. */
	public static final String ADMIN = "ADMIN";

	/** Every role. */
	public static final Set<String> ALL = Set.of(RECEIPT_DESK, DM, DEPARTMENT_OFFICER, CHANNEL_ADAPTER, AUDITOR, ADMIN);

	private Roles() {
	}

}
