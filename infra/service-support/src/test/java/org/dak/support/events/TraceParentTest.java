package org.dak.support.events;

import java.time.Instant;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.dak.contracts.GoldenSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

	@Test
	void anEventWrittenInsideATraceCarriesItToTheRelay() {
		try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
			Span request = tracing.get("test").spanBuilder("POST /api/v1/complaints").startSpan();
			OutboxEvent pending;
			try (Scope ignored = request.makeCurrent()) {
				pending = OutboxEvent.pending(GoldenSamples.complaintReceived(), "NAL-2026-000123-C", "e-1",
						Instant.now());
			}
			finally {
				request.end();
			}

			assertThat(pending.traceparent()).isEqualTo(
					"00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId() + "-01");
		}
	}

	@Test
	void anEventWrittenOutsideAnyTraceHasNone() {
		assertThat(OutboxEvent.pending(GoldenSamples.complaintReceived(), "NAL-2026-000123-C", "e-2", Instant.now())
			.traceparent()).isNull();
	}

}
