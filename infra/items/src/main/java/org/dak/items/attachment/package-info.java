/**
 * Attachments (scanned letters, fax pages, photos) in GridFS: their type decided by their
 * content, never their name; limits per file and per item; downloads for staff only.
 */
package org.dak.items.attachment;
