/**
 * The edge: request IDs, circuit breakers in front of each service, and problem documents
 * when a service cannot be reached.
 */
package org.dak.gateway.edge;
