/**
 * Test-only helpers the services share: the embedded MongoDB server and in-JVM Kafka
 * broker behind {@link org.dak.testsupport.ServiceIntegrationTest}, and a reader for the
 * records a service published.
 */
package org.dak.testsupport;
