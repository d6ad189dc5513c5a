/**
 * MongoDB helpers: health as a {@code ping} (works against a real MongoDB and against the
 * embedded wire-protocol server, which lacks the {@code hello} command Boot's own check
 * uses), and lists of IDs by key for lookups the embedded server would otherwise answer
 * by reading a whole collection.
 */
package org.dak.support.mongo;
