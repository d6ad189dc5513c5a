package org.dak.gateway.edge;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.dak.platform.Problem;
import org.dak.platform.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Problem documents for the gateway's own endpoints, naming each bad field, and for every
 * refusal of its account rules.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** The domain refused: its own words, with the status its reason calls for. */
	@ExceptionHandler(Refusal.class)
	Mono<ResponseEntity<ProblemDetail>> refused(Refusal refusal) {
		return Mono.just(ResponseEntity.status(Problem.statusOf(refusal)).body(Problem.of(refusal)));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setType(URI.create("/problems/invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

}
