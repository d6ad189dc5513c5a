/**
 * The office's settings as this service instance applies them: the working calendar (and,
 * as they move here, the other sections). Tracking owns the settings and announces each
 * change on {@code settings-changed}; every instance of every service reads that
 * compacted topic from its start on its own, keeps the newest version of each section it
 * has seen, and stores it in its own database, so a restart starts from the last change
 * even while Kafka is away. The configuration files ({@code dak.calendar}) only give the
 * values of a new installation, before the first announcement.
 */
package org.dak.support.settings;
