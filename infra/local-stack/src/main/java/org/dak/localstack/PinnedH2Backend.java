package org.dak.localstack;

import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;

/**
 * The H2 backend with every command reading a version of the store that stays whole until
 * the command ends. H2 frees the chunks of old versions as writes go on; a command that
 * walks a whole collection (a pass over a large archive, or an index built when a
 * database is opened) could otherwise find a page gone ("Chunk … not found",
 * h2database#4383) and fail. Registering the command's use of the current version, as
 * H2's own transactions do, keeps those chunks until it ends.
 */
class PinnedH2Backend extends H2Backend {

	private final MVStore store;

	PinnedH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		return pinned(() -> super.handleMessage(message));
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return pinned(() -> super.handleQuery(query));
	}

	private <T> T pinned(Supplier<T> command) {
		TxCounter usage = this.store.registerVersionUsage();
		try {
			return command.get();
		}
		finally {
			this.store.deregisterVersionUsage(usage);
		}
	}

}
