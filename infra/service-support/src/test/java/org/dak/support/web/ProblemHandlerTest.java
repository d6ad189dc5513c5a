package org.dak.support.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

	private final ProblemHandler handler = new ProblemHandler();

	@Test
	void aRequestMetByTheDatabasesPausedPoolIsToldToTryAgainNotAnInternalError() {
		// while the database is frozen, one operation times out and the driver pauses the
		// pool: the operations waiting behind it fail at once, uncategorised by Spring
		// Data
		ServerAddress server = new ServerAddress("127.0.0.1", 27017);
		Exception paused = new UncategorizedMongoDbException("Connection pool is paused",
				new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), server),
						new MongoSocketReadTimeoutException("Timeout while receiving message", server, null)));

		ResponseEntity<ProblemDetail> answer = this.handler.unexpected(paused);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
		assertThat(answer.getBody().getType().toString()).isEqualTo("/problems/service-unavailable");
	}

	@Test
	void anyOtherFailureIsAnInternalErrorNamingOnlyTheRequest() {
		ResponseEntity<ProblemDetail> answer = this.handler.unexpected(new IllegalStateException("secret detail"));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getDetail()).doesNotContain("secret detail");
	}

}
