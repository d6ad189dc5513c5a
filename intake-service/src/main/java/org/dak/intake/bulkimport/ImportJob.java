package org.dak.intake.bulkimport;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One upload of a dak register and how far it has got.
 *
 * @param id the import's ID
 * @param filename the uploaded file's name
 * @param createdBy who uploaded it
 * @param createdAt when
 * @param status {@code RUNNING}, {@code DONE}, or {@code INTERRUPTED} (the service
 * stopped mid-way: upload the file again, nothing is taken twice)
 * @param total rows in the file
 * @param processed rows done so far
 * @param accepted rows that became new items
 * @param duplicates rows already taken (earlier upload, or twice in this file)
 * @param invalid rows refused, with their reasons
 * @param rows the report, row by row
 */
@Document("imports")
record ImportJob(@Id String id, String filename, String createdBy, Instant createdAt, String status, int total,
		int processed, int accepted, int duplicates, int invalid, List<RowResult> rows) {

	/**
	 * What became of one row.
	 *
	 * @param line its line in the file
	 * @param registerNumber its number in the dak register
	 * @param outcome {@code ACCEPTED}, {@code DUPLICATE} or {@code INVALID}
	 * @param receiptNumber the item's receipt number (new or earlier)
	 * @param reason why it was refused
	 */
	record RowResult(int line, String registerNumber, String outcome, String receiptNumber, String reason) {
	}

}
