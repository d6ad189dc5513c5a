package org.dak.notification.dispatch;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dak.platform.Problem;
import org.dak.items.identity.AccessCodes;
import org.dak.support.security.DakUser;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log of an item, and its failed messages sent again; the SMS provider's
 * delivery receipts; and the applicant's own choice of channels.
 */
@RestController
@Validated
class NotificationController {

	private final NotificationQueue queue;

	private final Fallbacks fallbacks;

	private final Preferences preferences;

	private final MongoTemplate mongo;

	private final CallbackToken callbackToken;

	NotificationController(NotificationQueue queue, Fallbacks fallbacks, Preferences preferences, MongoTemplate mongo,
			CallbackToken callbackToken) {
		this.queue = queue;
		this.fallbacks = fallbacks;
		this.preferences = preferences;
		this.mongo = mongo;
		this.callbackToken = callbackToken;
	}

	@GetMapping("/api/v1/notifications")
	List<NotificationView> notifications(@RequestParam String complaintId) {
		return this.queue.forComplaint(complaintId).stream().map(NotificationView::of).toList();
	}

	/**
	 * What a request to send an item's messages again did.
	 *
	 * @param complaintId the item
	 * @param resent the messages queued again (those that had not arrived)
	 * @param unchanged the item's other messages, sent or on their way
	 */
	record Resent(String complaintId, List<NotificationView> resent, int unchanged) {
	}

	/**
	 * Sends again the messages about an item that did not arrive, e.g. once the SMS
	 * provider is put right. Sent and delivered ones are not sent twice.
	 */
	@PostMapping("/api/v1/notifications/resend")
	Resent resend(@RequestParam @NotBlank @Size(max = 40) String complaintId) {
		int all = this.queue.forComplaint(complaintId).size();
		if (all == 0) {
			throw new Problem(HttpStatus.NOT_FOUND, "notifications-not-found", "No messages",
					"No message has been sent about " + complaintId + ".");
		}
		String by = DakUser.current().map(DakUser::username).orElse("unknown");
		List<NotificationView> resent = this.queue.resend(complaintId, by).stream().map(NotificationView::of).toList();
		return new Resent(complaintId, resent, all - resent.size());
	}

	/**
	 * A delivery receipt from the SMS provider.
	 *
	 * @param reference our notification ID, as sent with the message
	 * @param status {@code DELIVERED}, or the provider's failure: {@code FAILED},
	 * {@code UNDELIVERED}, {@code REJECTED}, {@code EXPIRED}
	 * @param reason the provider's error text, if any
	 */
	record DeliveryReceipt(@NotBlank @Size(max = 200) String reference, @NotBlank @Size(max = 30) String status,
			@Size(max = 500) String reason) {
	}

	@PostMapping("/api/v1/notifications/delivery-receipts")
	ResponseEntity<NotificationView> receipt(
			@RequestHeader(name = "X-Dak-Callback-Token", required = false) String token,
			@Valid @RequestBody DeliveryReceipt receipt) {
		if (!this.callbackToken.matches(token)) {
			throw new Problem(HttpStatus.UNAUTHORIZED, "callback-unauthenticated", "Not authenticated",
					"A delivery receipt must carry the agreed X-Dak-Callback-Token.");
		}
		boolean delivered = "DELIVERED".equalsIgnoreCase(receipt.status());
		Optional<Notification> before = this.queue.receipt(receipt.reference(),
				delivered ? Notification.DELIVERED : Notification.PERMANENT_FAILURE,
				delivered ? null : receipt.status() + ((receipt.reason() != null) ? ": " + receipt.reason() : ""));
		if (before.isEmpty()) {
			throw new Problem(HttpStatus.NOT_FOUND, "notification-not-found", "Unknown reference",
					"No sent message has the reference " + receipt.reference() + ".");
		}
		if (!delivered) {
			this.fallbacks.after(before.get());
		}
		return ResponseEntity.ok(NotificationView.of(this.queue.find(receipt.reference()).orElseThrow()));
	}

	/**
	 * Which channels the applicant wants messages on (the receipt always goes).
	 *
	 * @param sms SMS wanted
	 * @param email e-mail wanted
	 */
	record Choice(Boolean sms, Boolean email) {
	}

	@GetMapping("/api/v1/public/notifications/{receiptNumber}/preferences")
	ResponseEntity<Choice> preferences(@PathVariable String receiptNumber,
			@RequestParam(required = false) String code) {
		ApplicantContact contact = applicant(receiptNumber, code);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(choiceOf(contact));
	}

	@PutMapping("/api/v1/public/notifications/{receiptNumber}/preferences")
	ResponseEntity<Choice> choose(@PathVariable String receiptNumber, @RequestParam(required = false) String code,
			@RequestBody Choice choice) {
		ApplicantContact contact = applicant(receiptNumber, code);
		if (choice.sms() != null && contact.mobile() != null) {
			this.preferences.set(contact.complaintId(), "SMS", choice.sms(), "access code");
		}
		if (choice.email() != null && contact.email() != null) {
			this.preferences.set(contact.complaintId(), "EMAIL", choice.email(), "access code");
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(choiceOf(contact));
	}

	private Choice choiceOf(ApplicantContact contact) {
		return new Choice((contact.mobile() != null) ? !this.preferences.optedOut(contact.complaintId(), "SMS") : null,
				(contact.email() != null) ? !this.preferences.optedOut(contact.complaintId(), "EMAIL") : null);
	}

	/** The applicant, with the access code from their receipt; every miss alike. */
	private ApplicantContact applicant(String receiptNumber, String code) {
		ApplicantContact contact = this.mongo.findById(receiptNumber, ApplicantContact.class);
		boolean matches = contact != null && contact.accessCodeHash() != null && code != null
				&& AccessCodes.matches(code, contact.accessCodeHash());
		if (!matches) {
			Problem problem = new Problem(HttpStatus.NOT_FOUND, "tracking-not-found", "Not found",
					"No item matches this receipt number and access code. Check both on your receipt.");
			problem.getBody().setInstance(java.net.URI.create("/api/v1/public/notifications"));
			throw problem;
		}
		return contact;
	}

}
