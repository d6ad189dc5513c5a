/**
 * MongoDB health as a {@code ping}: works against a real MongoDB and against the embedded
 * wire-protocol server, which lacks the {@code hello} command Boot's own check uses.
 */
package org.dak.support.mongo;
