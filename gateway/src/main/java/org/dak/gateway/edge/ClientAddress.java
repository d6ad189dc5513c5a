package org.dak.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's IP address. From a connection that is not a configured trusted proxy, the
 * connection's own address. Behind trusted proxies, each appends the address it was
 * connected from to {@code X-Forwarded-For}: the right-most entry that is not itself a
 * trusted proxy is the client as the outermost of our proxies saw it. Entries left of it
 * were written by the client and are never believed.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerWebExchange exchange, List<AddressRange> trustedProxies) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		List<String> forwarded = exchange.getRequest().getHeaders().get("X-Forwarded-For");
		return of(address, (forwarded != null) ? forwarded : List.of(), trustedProxies);
	}

	/**
	 * The client's address.
	 * @param connection the address the request came from
	 * @param forwardedFor the {@code X-Forwarded-For} header values, in the order
	 * received
	 * @param trustedProxies addresses (or ranges) of our own reverse proxies
	 */
	static String of(String connection, List<String> forwardedFor, List<AddressRange> trustedProxies) {
		if (!trusted(connection, trustedProxies)) {
			return connection;
		}
		List<String> chain = new ArrayList<>();
		for (String value : forwardedFor) {
			for (String entry : value.split(",")) {
				if (!entry.isBlank()) {
					chain.add(entry.strip());
				}
			}
		}
		String client = connection;
		for (int i = chain.size() - 1; i >= 0; i--) {
			client = chain.get(i);
			if (!trusted(client, trustedProxies)) {
				return client;
			}
		}
		return client;
	}

	private static boolean trusted(String address, List<AddressRange> trustedProxies) {
		for (AddressRange range : trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

}
