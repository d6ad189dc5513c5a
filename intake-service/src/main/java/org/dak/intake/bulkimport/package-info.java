/**
 * Bulk import of a day's dak register (CSV) by the receipt desk: each row an item, taken
 * once by its register number and date, with a per-row report and progress while it runs.
 */
package org.dak.intake.bulkimport;
