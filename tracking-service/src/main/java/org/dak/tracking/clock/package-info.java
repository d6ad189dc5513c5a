/**
 * A clock that a demonstration or test system can move forward, so reminders, breaches
 * and escalations can be watched without waiting weeks.
 */
package org.dak.tracking.clock;
