/**
 * Events on Kafka: CloudEvents binary-mode headers, the transactional outbox kept inside
 * each aggregate and its relay, topic creation with dead-letter topics, error handling
 * that sends poison records to the dead-letter topic, and the ledger of processed event
 * IDs that makes consumers idempotent.
 */
package org.dak.support.events;
