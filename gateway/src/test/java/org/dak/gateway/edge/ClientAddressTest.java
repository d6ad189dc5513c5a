package org.dak.gateway.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTest {

	private static final List<AddressRange> PROXIES = List.of(AddressRange.of("10.0.0.5"), AddressRange.of("10.0.0.6"));

	@Test
	void aClientNotBehindOurProxyIsItsConnectionWhateverItWrites() {
		assertThat(ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), PROXIES)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindOneProxyTheEntryItAppendedIsTheClient() {
		assertThat(ClientAddress.of("10.0.0.5", List.of("203.0.113.9"), PROXIES)).isEqualTo("203.0.113.9");
	}

	@Test
	void aSpoofedLeftMostEntryIsNotBelieved() {
		assertThat(ClientAddress.of("10.0.0.5", List.of("198.51.100.1, 203.0.113.9"), PROXIES))
			.isEqualTo("203.0.113.9");
		assertThat(ClientAddress.of("10.0.0.5", List.of("127.0.0.1", "203.0.113.9"), PROXIES))
			.as("a second header the client sent comes first too")
			.isEqualTo("203.0.113.9");
	}

	@Test
	void aChainOfOurOwnProxiesIsSkippedFromTheRight() {
		assertThat(ClientAddress.of("10.0.0.6", List.of("198.51.100.1, 203.0.113.9, 10.0.0.5"), PROXIES))
			.isEqualTo("203.0.113.9");
	}

	@Test
	void aClientClaimingToBeOurProxyGetsNoFurther() {
		assertThat(ClientAddress.of("10.0.0.5", List.of("198.51.100.1, 10.0.0.6"), PROXIES)).isEqualTo("198.51.100.1");
		assertThat(ClientAddress.of("10.0.0.5", List.of(), PROXIES)).isEqualTo("10.0.0.5");
		assertThat(ClientAddress.of("10.0.0.5", List.of(" , "), PROXIES)).isEqualTo("10.0.0.5");
	}

	@Test
	void behindTheKubernetesIngressEachCitizenKeepsTheirOwnAddress() throws IOException {
		List<AddressRange> overlay = kubernetesTrustedProxies();

		assertThat(ClientAddress.of("10.42.3.17", List.of("203.0.113.9"), overlay)).isEqualTo("203.0.113.9");
		assertThat(ClientAddress.of("10.42.3.17", List.of("198.51.100.20"), overlay)).isEqualTo("198.51.100.20");
		assertThat(ClientAddress.of("10.42.3.17", List.of("198.51.100.1, 203.0.113.9, 10.7.0.2"), overlay))
			.as("the ingress and a second proxy of the cluster are skipped, the spoofed entry is not believed")
			.isEqualTo("203.0.113.9");
		assertThat(ClientAddress.of("203.0.113.50", List.of("198.51.100.1"), overlay))
			.as("a connection from outside the range is its own address")
			.isEqualTo("203.0.113.50");
	}

	@Test
	void rangesAreReadForIpv4AndIpv6() {
		List<AddressRange> proxies = List.of(AddressRange.of("192.168.10.0/23"), AddressRange.of("fd00:ab::/32"));

		assertThat(ClientAddress.of("192.168.11.254", List.of("203.0.113.9"), proxies)).isEqualTo("203.0.113.9");
		assertThat(ClientAddress.of("192.168.12.1", List.of("203.0.113.9"), proxies)).isEqualTo("192.168.12.1");
		assertThat(ClientAddress.of("fd00:ab:0:1::7", List.of("2001:db8::1"), proxies)).isEqualTo("2001:db8::1");
		assertThat(ClientAddress.of("fd00:ac::7", List.of("2001:db8::1"), proxies)).isEqualTo("fd00:ac::7");
		assertThat(ClientAddress.of("::ffff:192.168.10.3", List.of("203.0.113.9"), proxies))
			.as("an IPv4 connection seen on an IPv6 socket")
			.isEqualTo("203.0.113.9");
		assertThat(AddressRange.of("10.0.0.0/8").contains("not-an-address")).isFalse();
		assertThat(AddressRange.of("10.0.0.0/8").contains("10.300.0.1")).isFalse();
	}

	@Test
	void aRangeThatIsNoRangeIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of("proxy.example.org"));
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of("10.0.0/8"));
	}

	/** The trusted proxies the Kubernetes overlay sets, as it sets them. */
	private static List<AddressRange> kubernetesTrustedProxies() throws IOException {
		String config = Files.readString(Path.of("../infra/kubernetes/base/config.yaml"));
		Matcher setting = Pattern.compile("DAK_TRUSTED_PROXIES:\\s*\"?([^\"\\n]+)").matcher(config);
		assertThat(setting.find()).as("the overlay sets DAK_TRUSTED_PROXIES").isTrue();
		return Arrays.stream(setting.group(1).split(",")).map(AddressRange::of).toList();
	}

}
