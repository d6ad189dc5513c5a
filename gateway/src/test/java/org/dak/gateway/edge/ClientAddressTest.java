package org.dak.gateway.edge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	private static final List<String> PROXIES = List.of("10.0.0.5", "10.0.0.6");

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

}
