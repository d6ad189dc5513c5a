package org.dak.tracking.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the receipt number from the QR code in an image: the code holds the tracking link
 * {@code …/track/<receipt number>?code=…}.
 */
final class QrScanner {

	private static final Pattern TRACKING_LINK = Pattern.compile("/track/([A-Za-z0-9-]+)");

	private QrScanner() {
	}

	/** What the image shows: a receipt number, or why not. */
	record Scan(Optional<String> receiptNumber, String problem) {
	}

	static Scan read(byte[] image) {
		BufferedImage picture;
		try {
			picture = ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException ex) {
			picture = null;
		}
		if (picture == null) {
			return new Scan(Optional.empty(), "The file is not an image this service can read (PNG, JPEG, GIF, BMP).");
		}
		String text;
		try {
			text = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS,
								java.util.List.of(BarcodeFormat.QR_CODE)))
				.getText();
		}
		catch (NotFoundException | ChecksumException | FormatException ex) {
			return new Scan(Optional.empty(),
					"No readable QR code in the image. Photograph the receipt's QR code straight on, sharp and well lit.");
		}
		Matcher link = TRACKING_LINK.matcher(text);
		if (!link.find()) {
			return new Scan(Optional.empty(), "The QR code is not a Dak receipt's tracking link.");
		}
		return new Scan(Optional.of(link.group(1)), null);
	}

}
