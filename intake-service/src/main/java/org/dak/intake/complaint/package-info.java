/**
 * Submitting an item: validation, idempotent retries, numbering, and storing the
 * complaint together with its {@code complaint-received} event in one document write.
 */
package org.dak.intake.complaint;
