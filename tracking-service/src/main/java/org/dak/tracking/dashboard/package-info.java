/**
 * Figures for review meetings and oversight: counts by status, department, channel and
 * age, overdue items, disposal times per department, and the same as CSV.
 */
package org.dak.tracking.dashboard;
