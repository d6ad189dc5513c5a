package org.dak.items.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted, recognised by their first bytes (magic numbers): a file named
 * {@code .pdf} that is really a program is not a PDF.
 */
public enum FileType {

	PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),

	JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),

	PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),

	TIFF_LITTLE_ENDIAN("image/tiff", "tif", new byte[] { 'I', 'I', 42, 0 }),

	TIFF_BIG_ENDIAN("image/tiff", "tif", new byte[] { 'M', 'M', 0, 42 });

	private final String mediaType;

	private final String extension;

	private final byte[] magic;

	FileType(String mediaType, String extension, byte[] magic) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.magic = magic;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/** The type the content shows, if it is one accepted. */
	public static Optional<FileType> of(byte[] content) {
		return Arrays.stream(values())
			.filter((type) -> content.length >= type.magic.length
					&& Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length))
			.findFirst();
	}

}
