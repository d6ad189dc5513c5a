package org.dak.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.DatabindException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.dak.platform.DatabaseAway;
import org.dak.platform.Problem;
import org.dak.platform.Refusal;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem document: bad input names each bad field
 * ({@code errors}), an unavailable database answers 503 with {@code Retry-After}, and an
 * unexpected failure answers 500 with the request ID only: never an exception message or
 * a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors
				.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
		ProblemDetail problem = invalid("The request has invalid fields.", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			databind.getPath().forEach((reference) -> {
				if (reference.getPropertyName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
				else {
					field.append('[').append(reference.getIndex()).append(']');
				}
			});
			errors.add(Map.of("field", field.toString(), "message", "has a value of the wrong type or form"));
		}
		ProblemDetail problem = invalid(
				errors.isEmpty() ? "The request body is not valid JSON." : "The request has invalid fields.", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> Map.of("field", lastNode(violation.getPropertyPath().toString()), "message",
					violation.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalid("The request has invalid parameters.", errors));
	}

	/**
	 * A body the container could not even take apart: multipart without a boundary,
	 * truncated or never closed, or form parameters that are not valid percent-encoding.
	 */
	@ExceptionHandler({ MultipartException.class, InvalidParameterException.class })
	ResponseEntity<ProblemDetail> unreadableBody(Exception ex) {
		log.info("Unreadable request body (request {}): {}", MDC.get(RequestIdFilter.MDC_KEY), ex.toString());
		return ResponseEntity.badRequest()
			.body(invalid("The request body could not be read: a multipart body must be complete, with its "
					+ "boundary, and form fields must be valid UTF-8 percent-encoding.", List.of()));
	}

	/** The domain refused: its own words, with the status its reason calls for. */
	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		ProblemDetail problem = Problem.of(refusal);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this item at the same moment. Reload it and try again.");
		problem.setType(URI.create("/problems/concurrent-update"));
		problem.setTitle("Changed meanwhile");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			MongoException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.error("Database unavailable (request {})", MDC.get(RequestIdFilter.MDC_KEY), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its database. Nothing was stored; please try again shortly.");
		problem.setType(URI.create("/problems/service-unavailable"));
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseAway.isCauseOf(ex)) {
			// e.g. the driver's paused pool, which Spring Data leaves uncategorised
			return databaseUnavailable(ex);
		}
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		log.error("Unexpected failure (request {})", requestId, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote request ID " + requestId + " when you report it.");
		problem.setType(URI.create("/problems/internal-error"));
		problem.setTitle("Internal error");
		problem.setProperty("requestId", requestId);
		return ResponseEntity.internalServerError().body(problem);
	}

	private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("/problems/invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? path : path.substring(dot + 1);
	}

}
