/**
 * The system as its users meet it: every service a separate process, one Kafka broker and
 * one MongoDB server, reached through the gateway only.
 */
package org.dak.systemtest;
