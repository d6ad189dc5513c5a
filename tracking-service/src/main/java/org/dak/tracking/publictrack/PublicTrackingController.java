package org.dak.tracking.publictrack;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dak.contracts.OfficeTime;
import org.dak.platform.Problem;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public tracking as JSON for apps, and as a bilingual page for the link and QR code on
 * the receipt.
 */
@RestController
class PublicTrackingController {

	private static final DateTimeFormatter IST = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
		.withZone(OfficeTime.ZONE);

	private final PublicTracking tracking;

	PublicTrackingController(PublicTracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping("/api/v1/public/track/{receiptNumber}")
	ResponseEntity<PublicView> track(@PathVariable String receiptNumber,
			@RequestParam(name = "code", required = false) String accessCode,
			@RequestParam(name = "mobile", required = false) String mobileLast4) {
		PublicView view = this.tracking.open(receiptNumber, accessCode, mobileLast4)
			.orElseThrow(PublicTrackingController::notFound);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
	}

	/**
	 * The applicant's feedback.
	 *
	 * @param satisfied satisfied with the action taken
	 * @param reason why not, when not
	 */
	record Feedback(@NotNull Boolean satisfied, @Size(max = 2000) String reason) {
	}

	@PostMapping("/api/v1/public/track/{receiptNumber}/feedback")
	ResponseEntity<PublicView> feedback(@PathVariable String receiptNumber,
			@RequestParam(name = "code", required = false) @Size(max = 40) String accessCode,
			@RequestParam(name = "otp", required = false) @Size(max = 10) String oneTimeCode,
			@Valid @RequestBody Feedback feedback) {
		PublicView view = this.tracking
			.feedback(receiptNumber, accessCode, oneTimeCode, feedback.satisfied(), feedback.reason())
			.orElseThrow(PublicTrackingController::notFound);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
	}

	/**
	 * Which channel the applicant would like the one-time code on.
	 *
	 * @param channel {@code SMS} or {@code EMAIL}; the other one if they registered only
	 * that
	 */
	record CodeRequest(@Pattern(regexp = "SMS|EMAIL") String channel) {
	}

	/** What every request for a one-time code is answered, whatever came of it. */
	record CodeRequested(String message, String messageHi) {
	}

	@PostMapping("/api/v1/public/track/{receiptNumber}/one-time-code")
	ResponseEntity<CodeRequested> oneTimeCode(@PathVariable String receiptNumber,
			@Valid @RequestBody(required = false) CodeRequest request,
			@RequestHeader(name = "X-Dak-Client-Address", defaultValue = "unknown") String requester) {
		// the caller's address as the gateway judged it (only the gateway reaches this
		// service): a stranger's requests count against the stranger's share of the day
		this.tracking.sendOneTimeCode(receiptNumber, (request != null) ? request.channel() : null, requester);
		return ResponseEntity.accepted()
			.cacheControl(CacheControl.noStore())
			.body(new CodeRequested(
					"If the receipt number is right, a one-time code is on its way to the mobile or e-mail registered "
							+ "with it. It works once, for 10 minutes; at most one code a minute, and three a day asked from "
							+ "one place.",
					"यदि पावती संख्या सही है, तो पंजीकृत मोबाइल या ई-मेल पर एक बार का कोड भेजा जा रहा है। यह 10 मिनट तक "
							+ "एक ही बार काम करेगा; एक मिनट में एक कोड, और एक जगह से दिन में तीन कोड तक।"));
	}

	@GetMapping(path = "/track/{receiptNumber}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String receiptNumber,
			@RequestParam(name = "code", required = false) String accessCode,
			@RequestParam(name = "mobile", required = false) String mobileLast4) {
		return this.tracking.open(receiptNumber, accessCode, mobileLast4)
			.map((view) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(html(view)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.cacheControl(CacheControl.noStore())
				.body(document("आवेदन नहीं मिला · Not found",
						"<p>इस पावती संख्या और कोड से कोई आवेदन नहीं मिला। कृपया पावती पर छपी संख्या और कोड जाँचें।</p>"
								+ "<p>No item matches this receipt number and code. Please check both on your receipt.</p>")));
	}

	private static Problem notFound() {
		Problem problem = new Problem(HttpStatus.NOT_FOUND, "tracking-not-found", "Not found",
				"No item matches this receipt number and access code. Check both on your receipt.");
		// every miss answers the same body: not even the number asked for is echoed
		problem.getBody().setInstance(URI.create("/api/v1/public/track"));
		return problem;
	}

	private static String html(PublicView view) {
		StringBuilder body = new StringBuilder();
		body.append("<p class=\"status\"><strong>")
			.append(e(view.statusHi()))
			.append("</strong> · ")
			.append(e(view.statusEn()))
			.append("</p><dl>");
		row(body, "पावती संख्या · Receipt number", view.receiptNumber());
		row(body, "विषय · Subject", view.subject());
		row(body, "प्राप्ति · Received", IST.format(view.receivedAt()) + " IST");
		row(body, "आवेदक · Applicant", view.applicant().initials());
		if (view.department() != null) {
			row(body, "विभाग · Department", view.department().nameHi() + " · " + view.department().name());
		}
		if (view.dueDate() != null) {
			row(body, "निष्पादन तिथि · Due by", view.dueDate().toString());
		}
		body.append("</dl><h2>कार्यवाही · Steps</h2><ol>");
		for (PublicView.Entry step : view.timeline()) {
			body.append("<li><time>")
				.append(e(IST.format(step.at())))
				.append("</time> ")
				.append(e(step.statusHi()))
				.append(" · ")
				.append(e(step.statusEn()));
			if (step.note() != null) {
				body.append("<br><q>").append(e(step.note())).append("</q>");
			}
			body.append("</li>");
		}
		body.append("</ol>");
		if ("DISPOSED".equals(view.status())) {
			// the page's script sends it with the code from this page's address
			body.append(
					"""
							<form id="feedback" hidden><h2>आपकी राय · Your feedback</h2>
							<fieldset><legend>क्या आप निष्पादन से संतुष्ट हैं? · Are you satisfied with how it was resolved?</legend>
							<label><input type="radio" name="satisfied" value="true" required> हाँ · Yes</label>
							<label><input type="radio" name="satisfied" value="false"> नहीं · No</label></fieldset>
							<label for="feedback-reason">कारण (वैकल्पिक) · Why (optional)</label>
							<textarea id="feedback-reason" name="reason" maxlength="2000"></textarea>
							<button type="submit">भेजें · Send</button>
							<p id="feedback-answer" role="status" hidden></p></form>""");
		}
		body.append(
				"""
						<form id="preferences" hidden><h2>संदेश · Messages</h2>
						<p>इस आवेदन के संदेश किस पर मिलें (पावती और माँगा गया कोड हमेशा भेजे जाते हैं) · Where you get messages about this item (the receipt and a code you ask for always go)</p>
						<label><input type="checkbox" name="sms"> SMS</label>
						<label><input type="checkbox" name="email"> ई-मेल · E-mail</label>
						<button type="submit">सहेजें · Save</button>
						<p id="preferences-answer" role="status" hidden></p></form>""");
		body.append("<p class=\"staff\"><a data-staff-item href=\"/staff/item?id=")
			.append(e(view.receiptNumber()))
			.append("\">कर्मचारी: पूरा विवरण देखें · Staff: open the full item</a></p>")
			.append("<script src=\"/staff/track.js\"></script>");
		return document("आवेदन की स्थिति · Status of your application", body.toString());
	}

	private static void row(StringBuilder body, String label, String value) {
		body.append("<dt>").append(e(label)).append("</dt><dd>").append(e(value)).append("</dd>");
	}

	private static String e(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, "UTF-8") : "";
	}

	private static String document(String title, String body) {
		return """
				<!doctype html>
				<html lang="hi"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<link rel="stylesheet" href="/desk/fonts.css">
				<style>
				body{font-family:"Noto Sans Devanagari","Noto Sans",system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
				form{margin:1rem 0;padding:.6rem;border:1px solid #ccc;border-radius:.3rem} label{display:block;margin:.3rem 0} textarea{width:100%%;min-height:4rem} fieldset{border:none;padding:0} .ok{color:#1d5e20} .error{color:#9b1c12}
				h1{font-size:1.3rem;border-bottom:3px solid #b35900;padding-bottom:.3rem}
				.status{font-size:1.2rem;background:#fff4e5;padding:.6rem;border-radius:.3rem}
				dt{font-weight:600;margin-top:.5rem}dd{margin:0}
				button,input,textarea,select{font:inherit}
				li{margin:.4rem 0}time{color:#555}
				.staff{margin-top:2rem;border-top:1px solid #ddd;padding-top:.5rem;font-size:.9rem}
				</style></head>
				<body><h1>%s</h1>%s</body></html>
				"""
			.formatted(e(title), e(title), body);
	}

}
