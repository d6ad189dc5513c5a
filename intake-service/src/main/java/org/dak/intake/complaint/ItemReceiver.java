package org.dak.intake.complaint;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

/**
 * The way in for items that do not come over HTTP: validated like a submission, received
 * exactly once by their channel reference.
 */
@Service
public class ItemReceiver {

	private final ComplaintIntake intake;

	private final Validator validator;

	ItemReceiver(ComplaintIntake intake, Validator validator) {
		this.intake = intake;
		this.validator = validator;
	}

	/** What came of an item: its receipt number, and whether it is new. */
	public record Received(String receiptNumber, boolean created) {
	}

	/**
	 * Receives the item.
	 * @throws InvalidItemException naming the bad fields, if it is not a valid submission
	 */
	public Received receive(IncomingItem item) {
		Channel channel;
		try {
			channel = Channel.valueOf(item.channel());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidItemException("channel: must be one of EMAIL, POST, FAX, SOCIAL_MEDIA, WALK_IN, WEB");
		}
		SubmitComplaint submission = new SubmitComplaint(channel,
				new ApplicantDetails(item.applicantName(), item.mobile(), item.email(), item.address(), "hi"),
				item.subject(), item.description(), item.channelReference(), item.letterReference(), item.letterDate(),
				null, null, null);
		Set<ConstraintViolation<SubmitComplaint>> violations = this.validator.validate(submission);
		if (!violations.isEmpty()) {
			throw new InvalidItemException(violations.stream()
				.map((violation) -> violation.getPropertyPath() + ": " + violation.getMessage())
				.sorted()
				.reduce((a, b) -> a + "; " + b)
				.orElse("invalid"));
		}
		ComplaintIntake.Outcome outcome = this.intake.submit(submission, null, item.uploads());
		return new Received(outcome.complaint().id(), outcome.created());
	}

	/** An item that is not a valid submission, with the reasons. */
	public static class InvalidItemException extends RuntimeException {

		public InvalidItemException(String reasons) {
			super(reasons);
		}

	}

}
