package org.dak.intake.receipt;

import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The receipt as a printable bilingual HTML page (A4 by default, A5 on request), the QR
 * code embedded, so the counter can print it from any browser. The receipt desk shows it
 * in a frame and prints it with its own button (no script here: the gateway's CSP allows
 * none inline); Devanagari is drawn with the desks' served font.
 */
@Component
public class ReceiptHtml {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	public String render(ReceiptData receipt, boolean a5) {
		String qr = Base64.getEncoder().encodeToString(QrCodes.png(receipt.trackingUrl(), 360));
		StringBuilder rows = new StringBuilder();
		row(rows, "पावती संख्या / Receipt no.", receipt.receiptNumber(), true);
		row(rows, "प्राप्ति दिनांक व समय / Received", DATE_TIME.format(receipt.receivedAt()) + " IST", false);
		row(rows, "माध्यम / Channel", receipt.channelHi() + " / " + receipt.channelEn(), false);
		row(rows, "आवेदक / Applicant", receipt.applicantName(), false);
		row(rows, "पता / Address", receipt.address(), false);
		row(rows, "मोबाइल / Mobile", receipt.mobile(), false);
		row(rows, "विषय / Subject", receipt.subject(), false);
		if (receipt.place() != null) {
			row(rows, "स्थान / Place", receipt.place(), false);
		}
		if (receipt.photoLink() != null) {
			row(rows, "फ़ोटो / Photo", receipt.photoLink(), false);
		}
		row(rows, "पत्र संख्या व दिनांक / Letter no. and date", letter(receipt), false);
		row(rows, "संलग्नक / Enclosures",
				receipt.enclosures().isEmpty() ? "कोई नहीं / None" : String.join(", ", receipt.enclosures()), false);
		row(rows, "संभावित निष्पादन तिथि / Expected disposal by", DATE.format(receipt.expectedDisposal()), true);
		return """
				<!doctype html>
				<html lang="hi"><head><meta charset="utf-8">
				<title>पावती / Receipt %1$s</title>
				<link rel="stylesheet" href="/desk/fonts.css">
				<style>
				@page { size: %2$s; margin: 12mm; }
				body { font-family: "Noto Sans Devanagari", "Noto Sans", sans-serif; color: #111; margin: 0 auto; max-width: 180mm; }
				header { text-align: center; }
				header h1 { font-size: 15pt; margin: 0; } header h2 { font-size: 12pt; margin: 2pt 0; }
				.form { font-size: 8.5pt; color: #444; }
				.title { font-size: 15pt; font-weight: 700; color: #8a3b00; margin: 8pt 0; text-align: center; }
				table { width: 100%%; border-collapse: collapse; font-size: 10pt; }
				th { text-align: left; font-weight: 400; color: #444; width: 36%%; }
				th, td { border: 1px solid #ccc; padding: 4pt 5pt; vertical-align: top; }
				td.strong { font-weight: 700; font-size: 11.5pt; }
				.track { display: flex; justify-content: space-between; align-items: center; margin-top: 10pt; gap: 8pt; }
				.track img { width: 32mm; height: 32mm; }
				.code { font-size: 14pt; font-weight: 700; letter-spacing: .05em; }
				.note { font-size: 8pt; color: #444; margin-top: 10pt; }
				</style></head>
				<body>
				<header><h1>%3$s</h1><h2>%4$s</h2><div class="form">%5$s</div></header>
				<div class="title">पावती · Acknowledgement Receipt</div>
				<table>%6$s</table>
				<div class="track"><div>
				<strong>स्थिति जानने के लिए / How to track</strong><br>
				QR कोड स्कैन करें, या वेबसाइट पर पावती संख्या और यह कोड डालें।<br>
				Scan the QR code, or enter the receipt number and this code on the website.<br>
				<small>%7$s</small><br><span class="code">कोड / Code: %8$s</span></div>
				<img alt="QR code: %7$s" src="data:image/png;base64,%9$s"></div>
				<p class="note">यह पावती कंप्यूटर द्वारा जारी की गई है; हस्ताक्षर आवश्यक नहीं। पावती संख्या और कोड किसी को न बताएँ।<br>
				This receipt is computer-generated and needs no signature. Keep the receipt number and code to yourself.</p>
				</body></html>
				"""
			.formatted(e(receipt.receiptNumber()), a5 ? "A5" : "A4", e(receipt.officeNameHi()),
					e(receipt.officeNameEn()), e(receipt.formNumber()), rows, e(receipt.trackingUrl()),
					e(receipt.accessCode()), qr);
	}

	private static String letter(ReceiptData receipt) {
		String date = (receipt.letterDate() != null) ? DATE.format(receipt.letterDate()) : null;
		if (receipt.letterReference() == null) {
			return date;
		}
		return (date == null) ? receipt.letterReference() : receipt.letterReference() + ", " + date;
	}

	private static void row(StringBuilder rows, String label, String value, boolean strong) {
		rows.append("<tr><th>")
			.append(e(label))
			.append("</th><td")
			.append(strong ? " class=\"strong\">" : ">")
			.append((value != null && !value.isBlank()) ? e(value) : "—")
			.append("</td></tr>");
	}

	private static String e(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, "UTF-8") : "";
	}

}
