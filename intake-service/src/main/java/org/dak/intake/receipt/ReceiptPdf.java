package org.dak.intake.receipt;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

/**
 * The receipt as an A4 PDF, Hindi and English, with its QR code. Devanagari is shaped by
 * OpenPDF's layout processor (conjuncts, reph, pre-base matras) and written with its
 * actual text, so it also copies and searches correctly. Noto Sans Devanagari comes first
 * in each font selector and Noto Sans second: the Devanagari font has no Latin letters.
 */
@Component
public class ReceiptPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	static {
		// global switches of OpenPDF, set once per class loader
		LayoutProcessor.enableKernLiga();
		LayoutProcessor.setWriteActualText();
	}

	private final BaseFont devanagari = font("NotoSansDevanagari-Regular.ttf");

	private final BaseFont devanagariBold = font("NotoSansDevanagari-Bold.ttf");

	private final BaseFont latin = font("NotoSans-Regular.ttf");

	private final BaseFont latinBold = font("NotoSans-Bold.ttf");

	public byte[] render(ReceiptData receipt) {
		Document document = new Document(PageSize.A4, 42, 42, 36, 36);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfWriter.getInstance(document, pdf);
			document.addTitle("पावती / Receipt " + receipt.receiptNumber());
			document.open();
			centred(document, selector(14, true, Color.BLACK).process(receipt.officeNameHi()));
			centred(document, selector(12, true, Color.BLACK).process(receipt.officeNameEn()));
			centred(document, selector(9, false, Color.DARK_GRAY).process(receipt.formNumber()));
			Paragraph title = new Paragraph(
					selector(16, true, new Color(0x8a, 0x3b, 0x00)).process("पावती · Acknowledgement Receipt"));
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingBefore(8);
			title.setSpacingAfter(10);
			document.add(title);
			document.add(fields(receipt));
			document.add(tracking(receipt));
			Paragraph note = new Paragraph(selector(8.5f, false, Color.DARK_GRAY).process(
					"यह पावती कंप्यूटर द्वारा जारी की गई है; हस्ताक्षर आवश्यक नहीं। पावती संख्या और कोड किसी को न बताएँ।\n"
							+ "This receipt is computer-generated and needs no signature. Keep the receipt number and code to yourself."));
			note.setSpacingBefore(12);
			document.add(note);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot render receipt " + receipt.receiptNumber(), ex);
		}
		return pdf.toByteArray();
	}

	private PdfPTable fields(ReceiptData receipt) throws DocumentException {
		PdfPTable table = new PdfPTable(new float[] { 2.2f, 4f });
		table.setWidthPercentage(100);
		row(table, "पावती संख्या / Receipt no.", receipt.receiptNumber(), true);
		row(table, "प्राप्ति दिनांक व समय / Received", DATE_TIME.format(receipt.receivedAt()) + " IST", false);
		row(table, "माध्यम / Channel", receipt.channelHi() + " / " + receipt.channelEn(), false);
		row(table, "आवेदक / Applicant", receipt.applicantName(), false);
		row(table, "पता / Address", receipt.address(), false);
		row(table, "मोबाइल / Mobile", receipt.mobile(), false);
		row(table, "विषय / Subject", receipt.subject(), false);
		if (receipt.place() != null) {
			row(table, "स्थान / Place", receipt.place(), false);
		}
		if (receipt.photoLink() != null) {
			row(table, "फ़ोटो / Photo", receipt.photoLink(), false);
		}
		row(table, "पत्र संख्या व दिनांक / Letter no. and date", join(receipt.letterReference(),
				(receipt.letterDate() != null) ? DATE.format(receipt.letterDate()) : null), false);
		row(table, "संलग्नक / Enclosures",
				receipt.enclosures().isEmpty() ? "कोई नहीं / None" : String.join(", ", receipt.enclosures()), false);
		row(table, "संभावित निष्पादन तिथि / Expected disposal by", DATE.format(receipt.expectedDisposal()), true);
		return table;
	}

	private PdfPTable tracking(ReceiptData receipt) throws DocumentException {
		PdfPTable table = new PdfPTable(new float[] { 4f, 1.6f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(12);
		PdfPCell text = new PdfPCell();
		text.setBorder(Rectangle.NO_BORDER);
		text.addElement(new Paragraph(selector(11, true, Color.BLACK).process("स्थिति जानने के लिए / How to track")));
		text.addElement(new Paragraph(selector(10, false, Color.BLACK)
			.process("QR कोड स्कैन करें, या वेबसाइट पर पावती संख्या और यह कोड डालें:\n"
					+ "Scan the QR code, or enter the receipt number and this code on the website:")));
		text.addElement(new Paragraph(selector(9, false, Color.BLACK).process(receipt.trackingUrl())));
		text.addElement(new Paragraph(selector(14, true, Color.BLACK).process("कोड / Code: " + receipt.accessCode())));
		table.addCell(text);
		try {
			Image qr = Image.getInstance(QrCodes.png(receipt.trackingUrl(), 360));
			qr.scaleToFit(120, 120);
			PdfPCell code = new PdfPCell(qr, false);
			code.setBorder(Rectangle.NO_BORDER);
			code.setHorizontalAlignment(Element.ALIGN_RIGHT);
			table.addCell(code);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return table;
	}

	private void row(PdfPTable table, String label, String value, boolean strong) {
		PdfPCell labelCell = new PdfPCell(selector(9.5f, false, Color.DARK_GRAY).process(label));
		PdfPCell valueCell = new PdfPCell(selector(strong ? 12 : 10.5f, strong, Color.BLACK)
			.process((value != null && !value.isBlank()) ? value : "—"));
		for (PdfPCell cell : new PdfPCell[] { labelCell, valueCell }) {
			cell.setPadding(5);
			cell.setBorderColor(Color.LIGHT_GRAY);
			table.addCell(cell);
		}
	}

	private FontSelector selector(float size, boolean bold, Color color) {
		FontSelector selector = new FontSelector();
		selector.addFont(new Font(bold ? this.devanagariBold : this.devanagari, size, Font.NORMAL, color));
		selector.addFont(new Font(bold ? this.latinBold : this.latin, size, Font.NORMAL, color));
		return selector;
	}

	private static void centred(Document document, Phrase phrase) throws DocumentException {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		document.add(paragraph);
	}

	private static String join(String first, String second) {
		if (first == null) {
			return second;
		}
		return (second == null) ? first : first + ", " + second;
	}

	/**
	 * The layout processor needs the font as a file: the bundled font is copied out once.
	 */
	private static BaseFont font(String name) {
		try (InputStream in = ReceiptPdf.class.getResourceAsStream("/fonts/" + name)) {
			Path file = Files.createTempFile("dak-font-", "-" + name);
			file.toFile().deleteOnExit();
			Files.write(file, in.readAllBytes());
			BaseFont font = BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			LayoutProcessor.loadFont(font, file.toString());
			return font;
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("Cannot load the receipt font " + name, ex);
		}
	}

}
