/**
 * The events the services exchange over Kafka, and the topics they travel on. Plain JDK
 * records: any Kafka client can read the JSON bodies without this code. Fields are only
 * ever added, never renamed or removed.
 */
package org.dak.contracts;
