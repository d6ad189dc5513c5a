package org.dak.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dak.gateway.edge.EdgeProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state-changing call that the audit trail has no room for is refused before it is
 * carried out; a read goes ahead all the same.
 */
class AuditFilterTest {

	@TempDir
	Path journal;

	private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100");

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aStateChangingCallIsRefusedWith503WhenTheTrailIsFull() {
		AuditTrail full = new AuditTrail(new ReactiveMongoTemplate(this.client, "gateway-test"),
				new SimpleMeterRegistry(), new AuditProperties(1, Duration.ofSeconds(10), this.journal));
		full.record("clerk", "POST /api/v1/complaints", "201", "10.0.0.1", "r-1").block();
		AuditFilter filter = new AuditFilter(full, edge());
		AtomicBoolean carriedOut = new AtomicBoolean();

		MockServerWebExchange post = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/v1/inbox/decisions").build());
		filter.filter(post, (exchange) -> Mono.fromRunnable(() -> carriedOut.set(true))).block();

		assertThat(carriedOut).as("the marking was not carried out").isFalse();
		assertThat(post.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(post.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("10");
		assertThat(post.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");

		MockServerWebExchange get = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/inbox").build());
		filter.filter(get, (exchange) -> Mono.fromRunnable(() -> carriedOut.set(true))).block();
		assertThat(carriedOut).as("a read changes nothing and goes ahead").isTrue();
	}

	private static EdgeProperties edge() {
		return new EdgeProperties(List.of(), DataSize.ofMegabytes(1), DataSize.ofMegabytes(30), Duration.ofSeconds(20));
	}

}
