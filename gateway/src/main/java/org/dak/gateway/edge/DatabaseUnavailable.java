package org.dak.gateway.edge;

import com.mongodb.MongoException;
import reactor.core.publisher.Mono;

import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * When the gateway's own database (accounts, adapter keys, rate-limit counts, audit) is
 * down or frozen, whatever needed it answers 503 with {@code Retry-After}, as the
 * services do: never a 500, and nothing goes through unchecked or uncounted. Runs before
 * Boot's error handler.
 */
@Component
@Order(-2)
public class DatabaseUnavailable implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		return answer(exchange, ex);
	}

	/**
	 * Answers 503 with {@code Retry-After} at once if the database was away (and nothing
	 * was answered yet), else passes the error on. A filter that meets the database first
	 * answers here itself, so the caller is not kept waiting while the filters around it
	 * (the audit trail) wait for the same database in turn.
	 */
	public static Mono<Void> answer(ServerWebExchange exchange, Throwable ex) {
		if (!isDatabaseAway(ex) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		exchange.getResponse().getHeaders().set("Retry-After", "10");
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable", "The system cannot reach its database just now; please try again shortly.");
	}

	public static boolean isDatabaseAway(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoException) {
				return true;
			}
		}
		return false;
	}

}
