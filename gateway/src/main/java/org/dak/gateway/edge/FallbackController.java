package org.dak.gateway.edge;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the caller gets when a service is down or too slow: a 503 problem document with
 * {@code Retry-After}, never a plain-text error.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The " + service + " service is not answering right now. Nothing was lost on our side; "
						+ "please try again in a little while.");
		problem.setType(URI.create("/problems/service-unavailable"));
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		problem.setProperty("requestId", exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(problem);
	}

}
