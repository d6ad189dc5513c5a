package org.dak.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dak.platform.GeoReport;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * On the Open311 paths, answers every error the way the GeoReport standard does: the same
 * status, with a list of {@code code} and {@code description} in the form the path asks
 * for ({@code .xml} or {@code .json}), instead of the problem document every other path
 * gets, whoever wrote it (a controller, the security filters, a missing route).
 */
class GeoReportErrors extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String type = wrapper.getContentType();
		if (wrapper.getStatus() >= 400 && (type == null || isProblem(type))) {
			byte[] problem = wrapper.getContentAsByteArray();
			boolean xml = GeoReport.wantsXml(request.getRequestURI());
			wrapper.resetBuffer();
			wrapper
				.setContentType(xml ? GeoReport.XML.toString() : MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
			wrapper.getOutputStream().write(GeoReport.errorFromProblem(xml, wrapper.getStatus(), problem));
		}
		wrapper.copyBodyToResponse();
	}

	private static boolean isProblem(String type) {
		return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type));
	}

}
