package org.dak.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain's "no": a rule of the office refuses what was asked (a move the lifecycle
 * does not allow, an unknown department, a file too large). Aggregates and domain
 * services throw it in their own words and know nothing of HTTP; each service's problem
 * handler answers it as an RFC 9457 problem document of type {@code /problems/<kind>},
 * with a status that follows from its {@link Reason}.
 */
public class Refusal extends RuntimeException {

	/** Why it was refused, which decides how a caller is told. */
	public enum Reason {

		/** What was sent cannot be read as a request at all (400). */
		MALFORMED,

		/** The caller is not who they claim, or no longer signed in (401). */
		NOT_SIGNED_IN,

		/** Nothing of that name, or nothing the caller may see (404). */
		NOT_FOUND,

		/** Not with what the caller holds: it needs what only someone else has (403). */
		NOT_ALLOWED,

		/** The item's state does not allow it now (409). */
		CONFLICT,

		/** What was sent breaks a rule (422). */
		INVALID,

		/** Too large or too many (413). */
		TOO_LARGE,

		/** A kind of file or content that is not taken (415). */
		UNSUPPORTED_TYPE

	}

	private final Reason reason;

	private final String kind;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private Refusal(Reason reason, String kind, String title, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
		this.kind = kind;
		this.title = title;
	}

	public static Refusal malformed(String kind, String title, String detail) {
		return new Refusal(Reason.MALFORMED, kind, title, detail);
	}

	public static Refusal notSignedIn(String kind, String title, String detail) {
		return new Refusal(Reason.NOT_SIGNED_IN, kind, title, detail);
	}

	public static Refusal notFound(String kind, String title, String detail) {
		return new Refusal(Reason.NOT_FOUND, kind, title, detail);
	}

	public static Refusal notAllowed(String kind, String title, String detail) {
		return new Refusal(Reason.NOT_ALLOWED, kind, title, detail);
	}

	public static Refusal conflict(String kind, String title, String detail) {
		return new Refusal(Reason.CONFLICT, kind, title, detail);
	}

	public static Refusal invalid(String kind, String title, String detail) {
		return new Refusal(Reason.INVALID, kind, title, detail);
	}

	public static Refusal tooLarge(String kind, String title, String detail) {
		return new Refusal(Reason.TOO_LARGE, kind, title, detail);
	}

	public static Refusal unsupportedType(String kind, String title, String detail) {
		return new Refusal(Reason.UNSUPPORTED_TYPE, kind, title, detail);
	}

	/** The same refusal, telling the caller one more fact by name. */
	public Refusal with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The last part of the problem type, e.g. {@code illegal-transition}. */
	public String kind() {
		return this.kind;
	}

	public String title() {
		return this.title;
	}

	/** What the caller should know, in a sentence. */
	public String detail() {
		return getMessage();
	}

	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

}
