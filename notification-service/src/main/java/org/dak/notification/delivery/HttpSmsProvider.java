package org.dak.notification.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dak.notification.NotificationProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A generic HTTP SMS provider: a JSON or form POST with the provider's own field names
 * for number, text, sender ID, DLT template ID and our reference, and an API key, all
 * from configuration ({@code dak.notification.sms}). Retried on time-outs, 5xx and 429
 * only: any other 4xx means the message itself is wrong and will not get better.
 */
@Component
class HttpSmsProvider implements SmsProvider {

	private final RestClient http;

	private final NotificationProperties.Sms sms;

	private final Resilience resilience;

	HttpSmsProvider(RestClient.Builder builder, NotificationProperties properties, Resilience resilience) {
		this.sms = properties.sms();
		this.resilience = resilience;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(this.sms.connectTimeout());
		requests.setReadTimeout(this.sms.readTimeout());
		this.http = builder.requestFactory(requests).build();
	}

	@Override
	public void send(String mobile, String text, String templateId, String reference) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(this.sms.field("to"), this.sms.numberPrefix() + mobile);
		fields.put(this.sms.field("sender"), this.sms.senderId());
		fields.put(this.sms.field("message"), text);
		fields.put(this.sms.field("templateId"), templateId);
		fields.put(this.sms.field("reference"), reference);
		try {
			this.resilience.call("sms", HttpSmsProvider::isTransient, () -> {
				RestClient.RequestBodySpec request = this.http.post().uri(this.sms.url()).headers(this::authenticate);
				if ("form".equals(this.sms.format())) {
					MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
					fields.forEach(form::add);
					request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
				}
				else {
					request.contentType(MediaType.APPLICATION_JSON).body(fields);
				}
				return request.retrieve().toBodilessEntity();
			});
		}
		catch (RestClientException ex) {
			throw new DeliveryFailedException("SMS provider: " + ex.getMessage(), !isTransient(ex), ex);
		}
	}

	private void authenticate(HttpHeaders headers) {
		if (this.sms.apiKey().isBlank()) {
			return;
		}
		if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(this.sms.apiKeyHeader())) {
			headers.setBearerAuth(this.sms.apiKey());
		}
		else {
			headers.set(this.sms.apiKeyHeader(), this.sms.apiKey());
		}
	}

	static boolean isTransient(Throwable ex) {
		return ex instanceof ResourceAccessException || ex instanceof HttpServerErrorException
				|| (ex instanceof HttpClientErrorException client && client.getStatusCode().value() == 429);
	}

}
