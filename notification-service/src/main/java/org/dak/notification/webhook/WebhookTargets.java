package org.dak.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may go: to the internet, never to this system's own network. A URL
 * whose host is, or resolves to, a loopback, link-local (the cloud's metadata service at
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10),
 * unspecified or multicast address is refused, unless the administrator lists that host,
 * as written in the URL, among the private targets. The check runs when a subscriber is
 * registered and again before every attempt, so a name that later resolves inward is
 * refused too.
 */
final class WebhookTargets {

	private final Set<String> privateTargets;

	WebhookTargets(List<String> privateTargets) {
		this.privateTargets = privateTargets.stream()
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * What is wrong with sending to a URL, or nothing.
	 * @param url the subscriber's URL (http or https, with a host)
	 * @return why it is refused
	 */
	Optional<String> problemWith(URI url) {
		String host = url.getHost();
		if (host == null) {
			return Optional.of("url must be an http or https address with a host.");
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (this.privateTargets.contains(bare.toLowerCase(Locale.ROOT))) {
			return Optional.empty();
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(bare);
		}
		catch (UnknownHostException ex) {
			return Optional.of("The host " + host + " is not known.");
		}
		for (InetAddress address : addresses) {
			if (isInward(address)) {
				return Optional.of("The host " + host + " is an address of this system's own network ("
						+ address.getHostAddress() + "); webhooks go to the internet. The administrator may list "
						+ "it in DAK_WEBHOOK_PRIVATE_TARGETS.");
			}
		}
		return Optional.empty();
	}

	static boolean isInward(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// unique local addresses, fc00::/7
			return (bytes[0] & 0xfe) == 0xfc;
		}
		// shared address space (carrier-grade NAT), 100.64.0.0/10; and 0.0.0.0/8
		return ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
	}

}
