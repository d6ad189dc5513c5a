package org.dak.items.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrives, before it is checked.
 *
 * @param filename the name the sender gave it (kept only as a label)
 * @param content its bytes
 */
public record Upload(String filename, byte[] content) {

	/** The files of a multipart request ({@code null}: none). */
	public static List<Upload> of(List<MultipartFile> files) {
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

}
