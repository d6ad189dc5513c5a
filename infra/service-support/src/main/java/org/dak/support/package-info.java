/**
 * What every servlet service of the Dak Tracking System shares, switched on by
 * auto-configuration: events on Kafka, problem documents, request IDs and the MongoDB
 * health check.
 */
package org.dak.support;
