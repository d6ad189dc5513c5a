/**
 * Abuse limits: requests per minute per client address on the public doors (tracking,
 * submission, sign-in) and per signed-in client elsewhere, counted in MongoDB so that
 * several gateway instances share one count without any extra infrastructure.
 */
package org.dak.gateway.limits;
