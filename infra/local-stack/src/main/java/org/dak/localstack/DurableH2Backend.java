package org.dak.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.BsonH2Database;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;

/**
 * The H2 backend of the embedded MongoDB server, made safe to answer from:
 * <ul>
 * <li>no command is answered before what it wrote is committed and synced to the file
 * ({@link GroupCommit}), so a write the server acknowledged survives {@code kill -9} of
 * the process and, as far as the disk keeps its promise to {@code fsync}, a power cut;
 * the store is opened without H2's own background commits, which wrote about once a
 * second and synced never;</li>
 * <li>documents and index keys are kept as BSON ({@link BsonH2Database}), not with Java
 * serialisation, which made a commit for every command costly;</li>
 * <li>every command reads a version of the store that stays whole until the command ends.
 * H2 frees the chunks of old versions as writes go on; a command that walks a whole
 * collection (a pass over a large archive, or an index built when a database is opened)
 * could otherwise find a page gone ("Chunk … not found", h2database#4383) and fail.
 * Registering the command's use of the current version, as H2's own transactions do,
 * keeps those chunks until it ends.</li>
 * </ul>
 * A legacy {@code OP_QUERY} that is not a command (drivers older than MongoDB 3.6) only
 * reads.
 */
class DurableH2Backend extends H2Backend {

	/**
	 * Commands that change nothing; every other command (insert, update, delete,
	 * findAndModify, createIndexes, drop …, and any this list does not know) is treated
	 * as a change.
	 */
	private static final Set<String> READS = Set.of("find", "count", "distinct", "getmore", "killcursors",
			"listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "ping", "hello", "ismaster",
			"buildinfo", "serverstatus", "whatsmyuri", "getlasterror", "endsessions", "getparameter", "getcmdlineopts",
			"hostinfo", "getlog", "currentop", "explain", "connectionstatus", "saslstart", "saslcontinue",
			"getfreemonitoringstatus");

	/** How long a dead chunk is kept before its space is used again. */
	private static final Duration RETENTION = Duration.ofSeconds(2);

	/** Chunks are rewritten while less than this share of them is alive. */
	private static final int COMPACT_BELOW_FILL_RATE = 80;

	/** How much one compaction rewrites at most. */
	private static final int COMPACT_WRITE_LIMIT = 2 * 1024 * 1024;

	private final MVStore store;

	private final GroupCommit commits;

	DurableH2Backend(MVStore store, Runnable onFailure) {
		super(store);
		this.store = store;
		this.commits = new GroupCommit(store, onFailure);
	}

	/**
	 * Opens the store of the file without H2's background commits (and without the
	 * commits H2 makes in a writer's thread when much is unsaved): only
	 * {@link GroupCommit} commits, between whole commands.
	 */
	static MVStore open(String file) {
		MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).open();
		// H2 keeps a dead chunk for 45 s before it reuses its space, in case the file
		// system has not flushed what replaced it; every commit here is synced, and a
		// store that commits a few hundred times a second would otherwise grow by
		// hundreds of megabytes a minute
		store.setRetentionTime((int) RETENTION.toMillis());
		return store;
	}

	/**
	 * Every command, whether it came as {@code OP_MSG} (every driver since MongoDB 3.6)
	 * or as a legacy {@code OP_QUERY} on {@code $cmd}, passes here once.
	 */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Supplier<Document> run = () -> pinned(() -> super.handleCommand(channel, databaseName, command, query));
		String collection = collection(databaseName, command, query);
		return changes(command, query) ? this.commits.change(collection, run) : this.commits.read(collection, run);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return this.commits.read(null, () -> pinned(() -> super.handleQuery(query)));
	}

	/**
	 * Rewrites what is still alive in the chunks of the file that are mostly dead (a
	 * commit for every command leaves many chunks with a page or two alive), as H2's
	 * background thread does, and commits the result; the chunks then go, and their space
	 * is used again.
	 */
	void compact() {
		// outside the commands' lock: a rewrite changes no data, so a commit may take
		// half of it; holding the lock held up every commit while it ran
		if (this.store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_LIMIT)) {
			this.commits.change(null, () -> null);
		}
	}

	/** One line for the log: what the store did since it was opened. */
	String statistics() {
		return "%d changing commands in %d commits (%d ms syncing), file %d MiB, %d %% of it in use".formatted(
				this.commits.changes(), this.commits.commits(), this.commits.syncMillis(),
				this.store.getFileStore().size() / (1024 * 1024), this.store.getFileStore().getFillRate());
	}

	@Override
	public void close() {
		this.commits.flush();
		super.close();
	}

	static boolean changes(String name, Document command) {
		if ("aggregate".equals(name)) {
			// a pipeline that ends in $out or $merge writes
			return command.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
					&& stages.get(stages.size() - 1) instanceof Document last
					&& (last.containsKey("$out") || last.containsKey("$merge"));
		}
		return !READS.contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The one collection a command reads or changes, as {@code database.collection}, or
	 * {@code null} when it may touch more than one (an aggregation may look up others;
	 * dropping a database, or a command this list does not know, touches anything).
	 */
	static String collection(String databaseName, String name, Document command) {
		Object collection = switch (name.toLowerCase(Locale.ROOT)) {
			case "find", "count", "distinct", "insert", "update", "delete", "findandmodify" -> command.get(name);
			case "getmore" -> command.get("collection");
			default -> null;
		};
		return (collection instanceof String named) ? databaseName + "." + named : null;
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
