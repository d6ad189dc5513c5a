package org.dak.notification.delivery;

import java.util.Map;

import org.dak.notification.NotificationProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends SMS through an HTTP provider: a JSON POST of recipient, text, sender ID and our
 * notification ID as the provider's reference. Retried on time-outs, 5xx and 429 only: a
 * 4xx means the message itself is wrong and will not get better.
 */
@Component
public class SmsGateway {

	private final RestClient http;

	private final NotificationProperties.Sms sms;

	private final Resilience resilience;

	SmsGateway(RestClient.Builder builder, NotificationProperties properties, Resilience resilience) {
		this.sms = properties.sms();
		this.resilience = resilience;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(this.sms.connectTimeout());
		requests.setReadTimeout(this.sms.readTimeout());
		this.http = builder.requestFactory(requests).build();
	}

	/**
	 * Hands one SMS to the provider.
	 * @param mobile ten-digit Indian mobile number
	 * @param text the message
	 * @param reference our notification ID
	 */
	public void send(String mobile, String text, String reference) {
		try {
			this.resilience.call("sms", SmsGateway::isTransient,
					() -> this.http.post()
						.uri(this.sms.url())
						.contentType(MediaType.APPLICATION_JSON)
						.headers((headers) -> {
							if (!this.sms.apiKey().isBlank()) {
								headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + this.sms.apiKey());
							}
						})
						.body(Map.of("to", "+91" + mobile, "sender", this.sms.senderId(), "message", text, "reference",
								reference))
						.retrieve()
						.toBodilessEntity());
		}
		catch (RestClientException ex) {
			throw new DeliveryFailedException("SMS provider refused: " + ex.getMessage(), ex);
		}
	}

	static boolean isTransient(Throwable ex) {
		return ex instanceof ResourceAccessException || ex instanceof HttpServerErrorException
				|| (ex instanceof HttpClientErrorException client && client.getStatusCode().value() == 429);
	}

}
