/**
 * Who may pass the gateway: tokens (our own, signed here, or an external OpenID Connect
 * provider's), the coarse role rule of each route, security headers and CORS.
 */
package org.dak.gateway.security;
