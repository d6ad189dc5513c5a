/**
 * The office's settings, owned here: each change the administrator makes is a new version
 * of its section, stored as one document together with the {@code settings-changed} event
 * that announces it (so a change is never stored unannounced), never overwritten: the
 * versions are the history, who, when, why, before and after. Two administrators changing
 * the same version: the second is refused. The calendar section holds the working week
 * and the public holidays, with the state gazette's list imported as CSV; a missing list
 * for the coming year is measured ({@code dak_calendar_next_year_missing}) from 1
 * December on.
 */
package org.dak.tracking.settings;
