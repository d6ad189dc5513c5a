/**
 * The whole system on one machine without Docker: a real Kafka broker process (KRaft),
 * the embedded MongoDB server process, a mail server with a web inbox, an SMS provider
 * simulator, the four services and the gateway; all children of one launcher that stops
 * them on Ctrl-C. The system tests start their processes with the same classes.
 */
package org.dak.localstack;
