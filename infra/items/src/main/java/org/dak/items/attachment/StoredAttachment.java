package org.dak.items.attachment;

/**
 * An attachment kept in GridFS, as its item refers to it.
 *
 * @param id the GridFS file ID
 * @param filename the sender's name for it
 * @param mediaType the type its content shows
 * @param size bytes
 * @param sha256 hash of the content
 */
public record StoredAttachment(String id, String filename, String mediaType, long size, String sha256) {
}
