package org.dak.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's IP address: the connection's, or the first {@code X-Forwarded-For} entry
 * when the connection comes from a configured trusted proxy (never otherwise: a client
 * could write anything there).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerWebExchange exchange, List<String> trustedProxies) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
		if (forwarded != null && trustedProxies.contains(address)) {
			return forwarded.split(",")[0].strip();
		}
		return address;
	}

}
