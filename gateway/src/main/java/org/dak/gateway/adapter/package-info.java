/**
 * Channel adapters (mail, fax and social bridges) call with an API key bound to one
 * channel. The gateway checks the key on every call, so a revoked key stops working at
 * once, and passes the call on with a short-lived token naming the channel; the services
 * see a token like any other.
 */
package org.dak.gateway.adapter;
