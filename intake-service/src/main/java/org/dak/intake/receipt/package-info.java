/**
 * What identifies an item to its applicant: the receipt number with its check character,
 * the access code, and the QR code that carries the tracking link.
 */
package org.dak.intake.receipt;
