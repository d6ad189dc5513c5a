/**
 * The contracts other software builds on, served by the gateway: the whole REST API as
 * one OpenAPI 3.1 document (with a browsable page) and the topics' events in AsyncAPI 3.
 */
package org.dak.gateway.apidocs;
