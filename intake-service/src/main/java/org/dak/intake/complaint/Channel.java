package org.dak.intake.complaint;

/**
 * How an item reached the office.
 */
enum Channel {

	EMAIL, POST, FAX, SOCIAL_MEDIA, WALK_IN, WEB

}
