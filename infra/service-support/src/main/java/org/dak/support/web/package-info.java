/**
 * The HTTP edge every service shares: RFC 9457 problem documents for every error, and the
 * request ID that ties a call's log lines together across the gateway and the services.
 */
package org.dak.support.web;
