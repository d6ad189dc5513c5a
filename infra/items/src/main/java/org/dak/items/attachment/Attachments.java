package org.dak.items.attachment;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.dak.platform.Refusal;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/**
 * Checks and stores attachments. Everything is checked before anything is stored, so a
 * bad upload leaves nothing behind; if the item itself then cannot be stored, its files
 * are removed again.
 */

public class Attachments {

	private final GridFsTemplate gridFs;

	private final AttachmentProperties limits;

	private final MeterRegistry meters;

	public Attachments(GridFsTemplate gridFs, AttachmentProperties limits, MeterRegistry meters) {
		this.gridFs = gridFs;
		this.limits = limits;
		this.meters = meters;
	}

	/**
	 * Checks every upload (count, sizes, types) and fails with a problem naming the file.
	 */
	public List<FileType> check(List<Upload> uploads) {
		if (uploads.size() > this.limits.maxFiles()) {
			throw Refusal.tooLarge("too-many-attachments", "Too many attachments",
					"At most " + this.limits.maxFiles() + " files may come with one item.");
		}
		long total = 0;
		List<FileType> types = new ArrayList<>();
		for (Upload upload : uploads) {
			if (upload.content().length > this.limits.maxFileSize().toBytes()) {
				throw Refusal.tooLarge("attachment-too-large", "Attachment too large",
						"'" + upload.filename() + "' is larger than " + this.limits.maxFileSize() + ".");
			}
			total += upload.content().length;
			types.add(FileType.of(upload.content())
				.orElseThrow(() -> Refusal.unsupportedType("unsupported-attachment", "Unsupported attachment",
						"'" + upload.filename()
								+ "' is not a PDF, JPEG, PNG or TIFF file (judged by its content, not its name).")));
		}
		if (total > this.limits.maxItemSize().toBytes()) {
			throw Refusal.tooLarge("attachments-too-large", "Attachments too large",
					"All files of one item together may be at most " + this.limits.maxItemSize() + ".");
		}
		return types;
	}

	/** Stores checked uploads; returns what the item records of them. */
	public List<StoredAttachment> store(String receiptNumber, List<Upload> uploads) {
		List<FileType> types = check(uploads);
		List<StoredAttachment> stored = new ArrayList<>();
		try {
			for (int i = 0; i < uploads.size(); i++) {
				Upload upload = uploads.get(i);
				FileType type = types.get(i);
				String name = safeName(upload.filename(), type, i);
				ObjectId id = this.gridFs.store(new ByteArrayInputStream(upload.content()), name, type.mediaType(),
						new Document("receiptNumber", receiptNumber));
				stored.add(new StoredAttachment(id.toHexString(), name, type.mediaType(), upload.content().length,
						sha256(upload.content())));
				this.meters.counter("dak.attachments.bytes").increment(upload.content().length);
			}
			return stored;
		}
		catch (RuntimeException ex) {
			discard(stored);
			throw ex;
		}
	}

	/** Removes stored files of an item that could not be stored itself. */
	public void discard(List<StoredAttachment> attachments) {
		for (StoredAttachment attachment : attachments) {
			this.gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(attachment.id()))));
		}
	}

	public Optional<GridFsResource> open(String receiptNumber, String attachmentId) {
		if (!ObjectId.isValid(attachmentId)) {
			return Optional.empty();
		}
		GridFSFile file = this.gridFs.findOne(Query.query(
				Criteria.where("_id").is(new ObjectId(attachmentId)).and("metadata.receiptNumber").is(receiptNumber)));
		return Optional.ofNullable(file).map(this.gridFs::getResource);
	}

	/**
	 * The sender's file name, reduced to safe characters, with the extension its content
	 * shows.
	 */
	static String safeName(String filename, FileType type, int index) {
		String base = (filename == null) ? "" : filename.replaceAll("^.*[/\\\\]", "");
		int dot = base.lastIndexOf('.');
		base = (dot > 0) ? base.substring(0, dot) : base;
		base = base.replaceAll("[^\\p{L}\\p{M}\\p{N}._ -]", "_").strip();
		if (base.isEmpty()) {
			base = "attachment-" + (index + 1);
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		return base + "." + type.extension();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
