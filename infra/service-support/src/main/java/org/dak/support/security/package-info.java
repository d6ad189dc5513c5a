/**
 * Every service checks the caller's token itself (defence in depth: it does not trust the
 * gateway, nor any header a client could set), maps its roles, and applies its own
 * endpoint rules; anything a service does not allow explicitly is refused.
 */
package org.dak.support.security;
