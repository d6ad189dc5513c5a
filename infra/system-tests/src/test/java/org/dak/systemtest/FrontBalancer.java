package org.dak.systemtest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a load balancer in front of several gateways does for the test's callers: each
 * request goes to the next gateway in turn, and one whose connection is refused (a dead
 * gateway: nothing was sent, so any request may go elsewhere) goes to the next. An answer
 * cut off by a gateway dying is the caller's to handle, as behind a real balancer.
 */
final class FrontBalancer implements ClientHttpRequestInterceptor {

	private final List<URI> gateways;

	private final AtomicInteger next = new AtomicInteger();

	/** Requests a dead gateway refused and another one took. */
	private static final AtomicInteger sentElsewhere = new AtomicInteger();

	FrontBalancer(List<String> gatewayUrls) {
		this.gateways = gatewayUrls.stream().map(URI::create).toList();
	}

	static int sentElsewhere() {
		return sentElsewhere.get();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		int first = Math.floorMod(this.next.getAndIncrement(), this.gateways.size());
		IOException refused = null;
		for (int i = 0; i < this.gateways.size(); i++) {
			URI gateway = this.gateways.get((first + i) % this.gateways.size());
			URI uri = UriComponentsBuilder.fromUri(request.getURI())
				.host(gateway.getHost())
				.port(gateway.getPort())
				.build(true)
				.toUri();
			try {
				return execution.execute(new HttpRequestWrapper(request) {

					@Override
					public URI getURI() {
						return uri;
					}

				}, body);
			}
			catch (IOException ex) {
				if (!refused(ex)) {
					throw ex;
				}
				if (refused != null) {
					refused.addSuppressed(ex);
				}
				else {
					refused = ex;
				}
				if (i + 1 < this.gateways.size()) {
					sentElsewhere.incrementAndGet();
				}
			}
		}
		throw refused;
	}

	private static boolean refused(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
