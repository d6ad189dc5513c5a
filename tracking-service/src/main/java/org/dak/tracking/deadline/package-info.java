/**
 * Deadlines in working days: the rule of each department (60 working days by default,
 * under the Bihar Right to Public Grievance Redressal Act), reminders before the
 * deadline, a {@code deadline-breached} event and escalation after it, and pendency for
 * review meetings.
 */
package org.dak.tracking.deadline;
