package org.dak.support.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of whatever wrote the
 * event (a request, a consumed event) is stored with it, and the relay publishes it as
 * the child of that trace, however much later and on whichever thread. So one item's path
 * through every service is one trace.
 */
final class TraceParent {

	static final String HEADER = "traceparent";

	private TraceParent() {
	}

	/** The current trace's {@code traceparent}, or {@code null} outside any trace. */
	static String current() {
		Map<String, String> carrier = new HashMap<>();
		W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
		return carrier.get(HEADER);
	}

	/**
	 * Runs the publishing of an event inside a span whose parent is the stored trace (a
	 * "receive" from the outbox, as a consumer would), so the producer's own span and the
	 * header it adds continue that trace.
	 */
	static <T> T continued(String traceparent, ObservationRegistry observations, Supplier<T> publish) {
		if (traceparent == null || observations.isNoop()) {
			return publish.get();
		}
		return Observation.createNotStarted("dak.outbox.publish", () -> {
			ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
			context.setCarrier(Map.of(HEADER, traceparent));
			context.setRemoteServiceName("outbox");
			return context;
		}, observations).observe(publish);
	}

}
