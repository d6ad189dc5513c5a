package org.dak.items.attachment;

/**
 * A file as it arrives, before it is checked.
 *
 * @param filename the name the sender gave it (kept only as a label)
 * @param content its bytes
 */
public record Upload(String filename, byte[] content) {

}
