package org.dak.support.events;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as
 * {@code ce_*} headers and the body is the event's JSON.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	private CloudEventHeaders() {
	}

}
