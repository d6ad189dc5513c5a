package org.dak.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error answered as an RFC 9457 problem document with a stable type URI,
 * {@code /problems/<kind>}.
 */
public class Problem extends ErrorResponseException {

	public Problem(HttpStatus status, String kind, String title, String detail) {
		super(status, detail(status, kind, title, detail), null);
	}

	/** The status a refusal is answered with. */
	public static HttpStatus statusOf(Refusal refusal) {
		return switch (refusal.reason()) {
			case MALFORMED -> HttpStatus.BAD_REQUEST;
			case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		};
	}

	/** A refusal as the problem document the web edge answers with. */
	public static ProblemDetail of(Refusal refusal) {
		ProblemDetail problem = detail(statusOf(refusal), refusal.kind(), refusal.title(), refusal.detail());
		refusal.properties().forEach(problem::setProperty);
		return problem;
	}

	private static ProblemDetail detail(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + kind));
		problem.setTitle(title);
		return problem;
	}

}
