package org.dak.tracking.scan;

import java.io.IOException;

import org.dak.platform.Problem;
import org.dak.support.security.DakUser;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.TimelineEntry;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An office head photographs the QR code on a receipt or cover sheet and gets the item,
 * if it is theirs to see.
 */
@RestController
class ScanController {

	private final Cases cases;

	ScanController(Cases cases) {
		this.cases = cases;
	}

	/** The item a scanned image points to (as the item view of the case queue). */
	record ScannedItem(String complaintId, String status, String departmentCode, String subject,
			java.util.List<TimelineEntry> timeline) {
	}

	@PostMapping(path = "/api/v1/cases/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ScannedItem scan(@RequestPart("image") MultipartFile image) throws IOException {
		QrScanner.Scan scan = QrScanner.read(image.getBytes());
		String receiptNumber = scan.receiptNumber()
			.orElseThrow(() -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-qr-code", "No QR code found",
					scan.problem()));
		ComplaintCase found = this.cases.visibleTo(receiptNumber.toUpperCase(), DakUser.current().orElseThrow())
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
					"The receipt's item " + receiptNumber + " is not one you may see."));
		return new ScannedItem(found.id(), found.status().name(), found.departmentCode(), found.subject(),
				found.timeline());
	}

}
