/**
 * The clock deadlines are read from; on a demonstration or test system it can be moved
 * forward, so reminders, breaches and escalations can be watched without waiting weeks.
 */
package org.dak.tracking.clock;
