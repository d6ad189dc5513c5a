/**
 * Working with the cases: the topics' events applied to them ({@code Cases}, the
 * listener), the department's queue and working steps, an item with its timeline as staff
 * see it, and the deadline round on a schedule.
 */
package org.dak.tracking.timeline;
