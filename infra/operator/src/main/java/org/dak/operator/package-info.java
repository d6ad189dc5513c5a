/**
 * The operator's tools for a running system, as one command ({@code dak dlt list},
 * {@code dak dlt replay}): plain Kafka clients, no Spring, so they start in a second.
 */
package org.dak.operator;
