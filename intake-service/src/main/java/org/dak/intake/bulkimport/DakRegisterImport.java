package org.dak.intake.bulkimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.platform.Csv;
import org.dak.intake.complaint.IncomingItem;
import org.dak.intake.complaint.ItemReceiver;
import org.dak.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Imports a dak register: checks the header, then takes the rows one by one in the
 * background, recording each row's outcome and the progress in the import's document. A
 * row's register number and date make it unique, so uploading the same file again creates
 * nothing new.
 */
@Service
class DakRegisterImport {

	static final List<String> COLUMNS = List.of("register_no", "received_on", "sender_name", "sender_address",
			"sender_mobile", "letter_reference", "letter_date", "subject", "description");

	private static final Logger log = LoggerFactory.getLogger(DakRegisterImport.class);

	private final MongoTemplate mongo;

	private final ItemReceiver receiver;

	private final MeterRegistry meters;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "dak-register-import");
		thread.setDaemon(true);
		return thread;
	});

	DakRegisterImport(MongoTemplate mongo, ItemReceiver receiver, MeterRegistry meters) {
		this.mongo = mongo;
		this.receiver = receiver;
		this.meters = meters;
	}

	/** Imports that were running when the service last stopped did not finish. */
	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		this.mongo.updateMulti(Query.query(Criteria.where("status").is("RUNNING")),
				new Update().set("status", "INTERRUPTED"), ImportJob.class);
	}

	ImportJob start(String filename, String text, String createdBy) {
		List<Csv.Row> rows = Csv.parse(text);
		if (rows.isEmpty()) {
			throw Refusal.invalid("empty-import", "Empty file", "The file has no rows.");
		}
		List<String> header = rows.get(0).fields().stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		List<String> missing = COLUMNS.stream().filter((column) -> !header.contains(column)).toList();
		if (!missing.isEmpty()) {
			throw Refusal.invalid("import-columns", "Columns missing",
					"The first line must name the columns " + COLUMNS + "; missing: " + missing + ".");
		}
		List<Csv.Row> records = rows.subList(1, rows.size());
		ImportJob job = this.mongo.insert(new ImportJob(UUID.randomUUID().toString(), filename, createdBy,
				Instant.now(), "RUNNING", records.size(), 0, 0, 0, 0, List.of()));
		this.worker.execute(() -> run(job.id(), header, records));
		return job;
	}

	Optional<ImportJob> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ImportJob.class));
	}

	private void run(String jobId, List<String> header, List<Csv.Row> records) {
		Map<String, String> seenInFile = new HashMap<>();
		try {
			for (Csv.Row record : records) {
				ImportJob.RowResult result = take(header, record, seenInFile);
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
						new Update().inc("processed", 1).inc(counter(result.outcome()), 1).push("rows", result),
						ImportJob.class);
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), new Update().set("status", "DONE"),
					ImportJob.class);
		}
		catch (RuntimeException ex) {
			log.error("Import {} stopped", jobId, ex);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
					new Update().set("status", "INTERRUPTED"), ImportJob.class);
		}
	}

	private ImportJob.RowResult take(List<String> header, Csv.Row record, Map<String, String> seenInFile) {
		Map<String, String> row = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String value = (i < record.fields().size()) ? record.fields().get(i).strip() : "";
			row.put(header.get(i), value.isEmpty() ? null : value);
		}
		String registerNo = row.get("register_no");
		try {
			if (registerNo == null) {
				throw new ItemReceiver.InvalidItemException("register_no: must not be blank");
			}
			LocalDate receivedOn = date(row.get("received_on"), "received_on", true);
			String reference = "dak-register:" + receivedOn + ":" + registerNo;
			if (seenInFile.containsKey(reference)) {
				return new ImportJob.RowResult(record.line(), registerNo, "DUPLICATE", seenInFile.get(reference),
						"the same register number and date appear earlier in this file");
			}
			ItemReceiver.Received received = this.receiver.receive(new IncomingItem("POST", row.get("sender_name"),
					row.get("sender_mobile"), null, row.get("sender_address"), row.get("subject"),
					(row.get("description") != null) ? row.get("description") : row.get("subject"), reference,
					row.get("letter_reference"), date(row.get("letter_date"), "letter_date", false), List.of()));
			seenInFile.put(reference, received.receiptNumber());
			return new ImportJob.RowResult(record.line(), registerNo, received.created() ? "ACCEPTED" : "DUPLICATE",
					received.receiptNumber(), received.created() ? null : "imported before");
		}
		catch (ItemReceiver.InvalidItemException | Refusal ex) {
			this.meters.counter("dak.intake.rejected", "reason", "invalid-import-row").increment();
			return new ImportJob.RowResult(record.line(), registerNo, "INVALID", null, ex.getMessage());
		}
	}

	private static LocalDate date(String value, String column, boolean required) {
		if (value == null) {
			if (required) {
				throw new ItemReceiver.InvalidItemException(column + ": must not be blank");
			}
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ItemReceiver.InvalidItemException(column + ": must be a date like 2026-11-28");
		}
	}

	private static String counter(String outcome) {
		return switch (outcome) {
			case "ACCEPTED" -> "accepted";
			case "DUPLICATE" -> "duplicates";
			default -> "invalid";
		};
	}

}
