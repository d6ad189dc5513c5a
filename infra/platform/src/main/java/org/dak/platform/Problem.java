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

	private static ProblemDetail detail(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + kind));
		problem.setTitle(title);
		return problem;
	}

}
