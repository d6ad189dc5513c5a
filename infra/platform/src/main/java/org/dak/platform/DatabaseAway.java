package org.dak.platform;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Whether a failure means MongoDB could not be reached in time: down, frozen, a primary
 * being elected, or the driver's pool for it cleared after such a failure (the next
 * operations fail at once with "connection pool is paused"). Spring Data does not
 * translate all of these to one exception: a cleared pool arrives as an uncategorised
 * one, so the cause chain is read. Such a failure is temporary: the caller is told to try
 * again (503 with {@code Retry-After}), a consumed event waits for the database; it is
 * never a 500 or a dead letter.
 */
public final class DatabaseAway {

	private DatabaseAway() {
	}

	public static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoNotPrimaryException
					|| cause instanceof MongoNodeIsRecoveringException) {
				return true;
			}
		}
		return false;
	}

}
