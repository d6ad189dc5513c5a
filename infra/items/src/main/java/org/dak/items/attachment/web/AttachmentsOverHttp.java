package org.dak.items.attachment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dak.items.attachment.Upload;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * The web edge of attachments, for the controllers that take files in and hand them out:
 * the rules and the storage ({@code Attachments}) know nothing of HTTP.
 */
public final class AttachmentsOverHttp {

	private AttachmentsOverHttp() {
	}

	/** The files of a multipart request ({@code null}: none). */
	public static List<Upload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			try {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return uploads;
	}

	/** A stored file as a download: its type, length, name, and never cached. */
	public static ResponseEntity<InputStreamResource> download(GridFsResource file) {
		try {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.getContentType()))
				.contentLength(file.contentLength())
				.cacheControl(CacheControl.noStore())
				.header("Content-Disposition",
						ContentDisposition.attachment()
							.filename(file.getFilename(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(new InputStreamResource(file.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
