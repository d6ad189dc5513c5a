package org.dak.intake.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

	@Test
	void aReceiptQrCodeScansBackToTheTrackingLink() throws Exception {
		String url = "https://dak.nalanda.example/track/NAL-2026-000123-C?code=7QK3M9ZD2XWA4HPR";

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(url, 300)));

		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText()).isEqualTo(url);
	}

}
