package org.dak.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or a range of them in CIDR notation ({@code 10.0.0.0/8},
 * {@code fd00::/8}, {@code 203.0.113.7}), as the trusted proxies are configured.
 *
 * @param network the range's first address, as bytes (4 for IPv4, 16 for IPv6)
 * @param prefix how many leading bits an address shares with it to be in the range
 */
public record AddressRange(byte[] network, int prefix) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	public AddressRange {
		if (network.length != 4 && network.length != 16) {
			throw new IllegalArgumentException("An address has 4 or 16 bytes");
		}
		if (prefix < 0 || prefix > network.length * 8) {
			throw new IllegalArgumentException("A prefix of " + prefix + " bits does not fit the address");
		}
		network = mask(network.clone(), prefix);
	}

	/**
	 * Reads a configured entry: an address, or an address and its prefix length.
	 * @param range e.g. {@code 10.0.0.0/8}
	 * @return the range
	 * @throws IllegalArgumentException if it is neither
	 */
	public static AddressRange of(String range) {
		String text = range.strip();
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		byte[] bytes = bytes(address)
			.orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + range));
		int prefix = (slash < 0) ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
		return new AddressRange(bytes, prefix);
	}

	/**
	 * Whether an address is in the range. An IPv4 address seen as IPv6
	 * ({@code ::ffff:10.1.2.3}) is taken as the IPv4 one; anything that is not an IP
	 * literal (a host name, {@code unknown}) is in no range, and is never looked up.
	 * @param address the address, as text
	 * @return whether it is in the range
	 */
	public boolean contains(String address) {
		Optional<byte[]> bytes = bytes(address.strip());
		if (bytes.isEmpty() || bytes.get().length != this.network.length) {
			return false;
		}
		return Arrays.equals(mask(bytes.get(), this.prefix), this.network);
	}

	/**
	 * The address's bytes, if it is an IPv4 or IPv6 literal; no name is ever resolved.
	 */
	private static Optional<byte[]> bytes(String address) {
		String literal = (address.startsWith("[") && address.endsWith("]")) ? address.substring(1, address.length() - 1)
				: address;
		if (IPV4.matcher(literal).matches()) {
			byte[] quad = new byte[4];
			String[] parts = literal.split("\\.");
			for (int i = 0; i < 4; i++) {
				int part = Integer.parseInt(parts[i]);
				if (part > 255) {
					return Optional.empty();
				}
				quad[i] = (byte) part;
			}
			return Optional.of(quad);
		}
		if (!literal.contains(":")) {
			return Optional.empty();
		}
		try {
			// with a colon, InetAddress reads an IPv6 literal (or refuses it) and asks no
			// DNS
			return Optional.of(InetAddress.getByName(literal).getAddress());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static byte[] mask(byte[] address, int prefix) {
		for (int i = 0; i < address.length; i++) {
			int bits = Math.max(0, Math.min(8, prefix - i * 8));
			address[i] &= (byte) (0xff << (8 - bits));
		}
		return address;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressRange range && range.prefix == this.prefix
				&& Arrays.equals(range.network, this.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefix;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefix;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
