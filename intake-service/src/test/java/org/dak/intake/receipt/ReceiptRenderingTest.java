package org.dak.intake.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptRenderingTest {

	static final ReceiptData SAMPLE = new ReceiptData("समाहरणालय, नालंदा", "Collectorate, Nalanda",
			"प्रपत्र-क / Form A", "NAL-2026-000123-I",
			ZonedDateTime.of(2026, 11, 28, 11, 5, 0, 0, ZoneId.of("Asia/Kolkata")), "डाक", "Post",
			"श्रीमती सुनीता देवी", "ग्राम बेलछी, प्रखंड बिहारशरीफ़, ज़िला नालंदा — 803101", "9876543210",
			"राशन कार्ड में बच्चों के नाम जोड़ने हेतु आवेदन (प्रार्थना-पत्र)", "वार्ड 4, बिहारशरीफ़ · 25.1972, 85.5231",
			"https://photos.example.in/hand-pump.jpg", "प.सं. 17/2026", LocalDate.of(2026, 11, 20),
			List.of("आवेदन-पत्र.pdf", "aadhaar-scan.jpg"), LocalDate.of(2027, 2, 26),
			"https://dak.nalanda.example/track/NAL-2026-000123-I?code=7QK3M9ZD2XWA4HPR", "7QK3-M9ZD-2XWA-4HPR");

	@Test
	void thePdfReceiptCarriesAQrCodeThatOpensTheItemAndBothLanguages() throws Exception {
		byte[] pdf = new ReceiptPdf().render(SAMPLE);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			assertThat(decode(page)).isEqualTo(SAMPLE.trackingUrl());
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Acknowledgement Receipt", "NAL-2026-000123-I", "Collectorate, Nalanda",
					"7QK3-M9ZD-2XWA-4HPR", "26-02-2027", "28-11-2026 11:05 IST");
			assertThat(text).contains("पावती", "राशन कार्ड", "सुनीता देवी");
			// the sample in docs/ is made here, so it always shows what the code draws
			Path out = Path.of("target", "receipt-sample");
			Files.createDirectories(out);
			Files.write(out.resolve("receipt-sample.pdf"), pdf);
			ImageIO.write(page, "png", out.resolve("receipt-sample.png").toFile());
		}
	}

	@Test
	void theHtmlReceiptIsPrintableInA4OrA5AndItsQrCodeOpensTheItem() throws Exception {
		ReceiptHtml html = new ReceiptHtml();

		String a4 = html.render(SAMPLE, false);
		String a5 = html.render(SAMPLE, true);

		assertThat(a4).contains("size: A4", "पावती · Acknowledgement Receipt", "श्रीमती सुनीता देवी", "Post",
				"7QK3-M9ZD-2XWA-4HPR", "26-02-2027", "स्थान / Place", "वार्ड 4, बिहारशरीफ़ · 25.1972, 85.5231",
				"https://photos.example.in/hand-pump.jpg");
		assertThat(a5).contains("size: A5");
		Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(a4);
		assertThat(png.find()).isTrue();
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
		assertThat(decode(qr)).isEqualTo(SAMPLE.trackingUrl());
	}

	@Test
	void htmlInTheApplicantsWordsIsShownNotRun() {
		ReceiptData hostile = new ReceiptData("a", "b", "c", "NAL-2026-000001-Q", SAMPLE.receivedAt(), "वेब", "Web",
				"<script>alert(1)</script>", null, null, "<img src=x onerror=alert(1)>", "<b>place</b>",
				"https://x.example/\"><script>", null, null, List.of(), SAMPLE.expectedDisposal(), SAMPLE.trackingUrl(),
				"X");

		assertThat(new ReceiptHtml().render(hostile, false))
			.doesNotContain("<script>alert", "<img src=x", "<b>place", "\"><script>")
			.contains("&lt;script&gt;");
	}

	static String decode(BufferedImage image) throws Exception {
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

}
