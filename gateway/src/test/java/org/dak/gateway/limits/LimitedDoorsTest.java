package org.dak.gateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dak.gateway.limits.RateLimitFilter.Door;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limited path counts against its limit however it is spelled: with any of its
 * letters percent-encoded (in either case of hex digit), in capitals, with a trailing or
 * doubled slash, or with {@code ;} parameters, as routing and the access table, which
 * decode the path, would still take it.
 */
class LimitedDoorsTest {

	@ParameterizedTest
	@CsvSource({ "GET, /api/v1/public/track/NAL-2026-000001-A, TRACKING", "GET, /track/NAL-2026-000001-A, TRACKING",
			"GET, /api/v1/complaints/public/NAL-2026-000001-A, TRACKING",
			"GET, /open311/v2/requests/NAL-2026-000001-A.json, TRACKING", "GET, /open311/v2/requests.json, TRACKING",
			"POST, /api/v1/complaints, SUBMISSION", "POST, /open311/v2/requests.json, SUBMISSION",
			"POST, /api/v1/auth/sign-in, SIGN_IN", "POST, /api/v1/auth/refresh, SIGN_IN",
			"POST, /api/v1/notifications/delivery-receipts, DELIVERY_RECEIPTS",
			"POST, /api/v1/track/NAL-2026-000001-A/feedback, PUBLIC_OTHER" })
	void everySpellingOfALimitedPathComesThroughItsDoor(HttpMethod method, String path, Door door) {
		for (String spelling : spellings(path)) {
			assertThat(RateLimitFilter.anonymous(method, RateLimitFilter.normalised(PathContainer.parsePath(spelling))))
				.as(method + " " + spelling)
				.isEqualTo(door);
		}
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/auth/sign%2Din/, /api/v1/auth/sign-in", "//api/v1//complaints, /api/v1/complaints",
			"/API/V1/Complaints;jsessionid=1, /api/v1/complaints", "/, /" })
	void thePathIsDecodedAsRoutingDecodesIt(String raw, String normalised) {
		assertThat(RateLimitFilter.normalised(PathContainer.parsePath(raw))).isEqualTo(normalised);
	}

	/**
	 * The path as written, each of its letters encoded in turn, and the other spellings.
	 */
	private static List<String> spellings(String path) {
		List<String> spellings = new ArrayList<>();
		spellings.add(path);
		for (int i = 1; i < path.length(); i++) {
			char c = path.charAt(i);
			if (Character.isLetterOrDigit(c) || c == '-' || c == '.') {
				String hex = Integer.toHexString(c);
				spellings.add(path.substring(0, i) + "%" + hex.toUpperCase(Locale.ROOT) + path.substring(i + 1));
				spellings.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
			}
		}
		spellings.add(path.toUpperCase(Locale.ROOT));
		spellings.add(path + "/");
		spellings.add(path.replace("/v1/", "//v1//"));
		spellings.add(path + ";a=b");
		return spellings;
	}

}
