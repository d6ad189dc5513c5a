package org.dak.support.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request ID the gateway set (or makes one), puts it in the log context and
 * answers with it, so one call can be followed through every service's log; and the
 * receipt number a path names ({@code /api/v1/cases/NAL-2026-000123-C/...}) as
 * {@code complaintId}, so one item can be.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/** A receipt number as a whole path segment. */
	private static final Pattern RECEIPT_NUMBER = Pattern.compile("/([A-Z]{3}-\\d{4}-\\d{6,9}-[0-9A-Z])(?:/|$)");

	static final String COMPLAINT_MDC_KEY = "complaintId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		if (requestId == null || !WELL_FORMED.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		MDC.put(MDC_KEY, requestId);
		Matcher complaint = RECEIPT_NUMBER.matcher(request.getRequestURI());
		if (complaint.find()) {
			MDC.put(COMPLAINT_MDC_KEY, complaint.group(1));
		}
		response.setHeader(HEADER, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
			MDC.remove(COMPLAINT_MDC_KEY);
		}
	}

}
