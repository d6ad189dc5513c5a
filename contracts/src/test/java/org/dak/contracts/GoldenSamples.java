package org.dak.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The golden JSON samples of each event, and the records they stand for. Producers check
 * that they write exactly these; consumers check that they read them. Shared with the
 * services through this module's test jar.
 */
public final class GoldenSamples {

	private GoldenSamples() {
	}

	/** The sample's JSON text for a topic, from {@code samples/<topic>.json}. */
	public static String json(Topic topic) {
		String path = "/samples/" + topic.topicName() + ".json";
		try (InputStream in = GoldenSamples.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("No golden sample " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ComplaintReceived complaintReceived() {
		return new ComplaintReceived("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", "NAL-2026-000123-C",
				Instant.parse("2026-11-28T05:30:00.123Z"), "NAL-2026-000123-C", "WEB", "WEB-7781",
				new Applicant("सुनीता देवी", "9876543210", "sunita@example.in", "ग्राम बेलछी, बिहारशरीफ, नालंदा", "hi"),
				"राशन कार्ड में नाम जोड़ने हेतु आवेदन", "मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।",
				"5d3f0e5b2c1a4f7e9b8d6c5a4f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a2",
				"http://localhost:8080/track/NAL-2026-000123-C", "NAL-2026-000098-7", "ration-card", SEALED,
				new Place(25.1972, 85.5231, "वार्ड 4, बिहारशरीफ", "BSF-W4-017"),
				"https://photos.example.in/hand-pump.jpg", true);
	}

	/** A sealed text, as the notification service's public key seals. */
	static final String SEALED = "v1.Qk5hTjJ0d0xQc1ZtWkVqYWdkV3JrT0E.bm9uY2Utbm9uY2U.c2VhbGVkLWNvZGUtY2lwaGVy";

	public static OneTimeCodeIssued oneTimeCodeIssued() {
		return new OneTimeCodeIssued("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f", "NAL-2026-000123-C",
				Instant.parse("2026-12-03T05:00:00Z"), "SMS", SEALED, Instant.parse("2026-12-03T05:10:00Z"));
	}

	public static ComplaintRouted complaintRouted() {
		return new ComplaintRouted("6a1c7f3e-2b4d-4e8f-8a9b-0c1d2e3f4a5b", "NAL-2026-000123-C",
				Instant.parse("2026-11-29T06:15:00Z"), "SUPPLY", "District Supply Office (PDS)",
				"जिला आपूर्ति कार्यालय", "dso.nalanda@dak.local", "कृपया 7 दिनों में जाँच कर प्रतिवेदन दें।",
				LocalDate.parse("2026-12-15"), "DM", List.of("SOCIAL_WELFARE"), 2);
	}

	public static StatusUpdated statusUpdated() {
		return new StatusUpdated("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", "NAL-2026-000123-C",
				Instant.parse("2026-12-02T09:45:10.500Z"), "DISPOSED", "IN_PROGRESS", "SUPPLY",
				"नाम जोड़ दिए गए हैं; नया राशन कार्ड प्रखंड कार्यालय से प्राप्त करें।", "SUPPLY", null, "BLOCK_RAJGIR",
				2);
	}

	public static DeadlineNeared deadlineNeared() {
		return new DeadlineNeared("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "NAL-2026-000123-C",
				Instant.parse("2027-01-20T03:30:00Z"), "SUPPLY", LocalDate.parse("2027-02-24"), 80, 12);
	}

	public static DeadlineBreached deadlineBreached() {
		return new DeadlineBreached("1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b", "NAL-2026-000123-C",
				Instant.parse("2027-02-25T03:30:00Z"), "SUPPLY", LocalDate.parse("2027-02-24"), "IN_PROGRESS", 2);
	}

	public static ComplaintRecalled complaintRecalled() {
		return new ComplaintRecalled("3f4e5d6c-7b8a-4990-8a1b-2c3d4e5f6071", "NAL-2026-000123-C",
				Instant.parse("2026-11-30T04:45:00Z"), "SUPPLY", "गलत विभाग को चिह्नित; पुनः चिह्नित किया जाएगा।", "dm",
				3);
	}

	public static DepartmentChanged departmentChanged() {
		return new DepartmentChanged("7d6c5b4a-3928-4170-8f6e-5d4c3b2a1908", "SUPPLY",
				Instant.parse("2026-11-20T10:00:00Z"), "District Supply Office (PDS)", "जिला आपूर्ति कार्यालय",
				new Officer("DSO Nalanda", "dso.nalanda@dak.local", "9431000001"),
				List.of(new Office("BLOCK_RAJGIR", "Block Supply Office, Rajgir", "प्रखंड आपूर्ति कार्यालय, राजगीर",
						new Officer("BSO Rajgir", "bso.rajgir@dak.local", null))));
	}

	public static NotificationDispatched notificationDispatched() {
		return new NotificationDispatched("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", "NAL-2026-000123-C",
				Instant.parse("2026-12-02T09:45:12.250Z"), "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f:SMS:APPLICANT", "SMS",
				"APPLICANT", "status-disposed", "sent", "XXXXXX3210");
	}

	public static SettingsChanged settingsChanged() {
		return new SettingsChanged("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b", SettingsChanged.CALENDAR,
				Instant.parse("2026-12-07T06:30:00Z"), 4, "admin",
				"राज्य सरकार की 2027 की अवकाश सूची / the state's list for 2027",
				"holiday added: 2027-01-26 Republic Day",
				new WorkingCalendar(new WorkingWeek(List.of(java.time.DayOfWeek.SUNDAY), List.of(2, 4)),
						List.of(new Holiday(java.time.LocalDate.of(2027, 1, 26), "गणतंत्र दिवस", "Republic Day",
								Holiday.GAZETTED),
								new Holiday(java.time.LocalDate.of(2027, 3, 22), "बिहार दिवस", "Bihar Day",
										Holiday.RESTRICTED))));
	}

	/** The record a topic's sample stands for. */
	public static Record record(Topic topic) {
		return switch (topic) {
			case COMPLAINT_RECEIVED -> complaintReceived();
			case COMPLAINT_ROUTED -> complaintRouted();
			case COMPLAINT_RECALLED -> complaintRecalled();
			case STATUS_UPDATED -> statusUpdated();
			case DEADLINE_NEARED -> deadlineNeared();
			case DEADLINE_BREACHED -> deadlineBreached();
			case NOTIFICATION_DISPATCHED -> notificationDispatched();
			case DEPARTMENT_CHANGED -> departmentChanged();
			case ONE_TIME_CODE_ISSUED -> oneTimeCodeIssued();
			case SETTINGS_CHANGED -> settingsChanged();
		};
	}

}
