/**
 * The operator's tools for a running system, as one command ({@code dak dlt list},
 * {@code dak dlt replay}, {@code dak backup}, {@code dak restore}): plain Kafka and
 * MongoDB clients, no Spring, so they start in a second.
 */
package org.dak.operator;
