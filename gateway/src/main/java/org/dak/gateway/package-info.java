/**
 * Routing to the services, request IDs, and problem documents when a service cannot be
 * reached.
 */
package org.dak.gateway;
