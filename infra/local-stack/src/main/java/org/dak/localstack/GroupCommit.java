package org.dak.localstack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Answers no command before what it wrote, or read, is on disk: the store is committed
 * and the file synced ({@code fsync}) first. Commands that arrive while a commit runs
 * wait for the next one together, so one sync serves all of them (group commit) and
 * throughput stays close to that of a store that never syncs.
 * <p>
 * Every changing command takes a ticket as it starts and runs under a shared lock; a
 * commit takes that lock alone, so it writes only whole commands (never an index entry
 * without its document), and every ticket drawn before it is in it. A read waits for the
 * ticket of the newest change it may have seen, so nothing is ever answered that a crash
 * could still take back. A command names the collection it works on (or none, when it may
 * touch more than one): a read of one collection can have seen only the changes to that
 * collection and those that named none, so it waits only for those, not for a write to
 * another collection that happens to be on its way to disk.
 * <p>
 * Commits run on one thread of their own, one after the other.
 * <p>
 * A commit or sync that fails (disk full, I/O error) fails every command waiting for it,
 * and every command after it: H2 has closed the store, and the process must be started
 * again to find the last whole commit on disk ({@code onFailure}).
 */
final class GroupCommit {

	private final MVStore store;

	private final Runnable onFailure;

	/** Held shared by each changing command, alone by a commit. */
	private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

	/** The ticket of the newest changing command that has started. */
	private final AtomicLong started = new AtomicLong();

	/** The ticket of the newest changing command that named each collection. */
	private final Map<String, AtomicLong> startedIn = new ConcurrentHashMap<>();

	/** The ticket of the newest changing command that named no collection. */
	private final AtomicLong startedAnywhere = new AtomicLong();

	/** Every changing command with a ticket up to this one is on disk. */
	private volatile long durable;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition committed = this.lock.newCondition();

	private boolean committing;

	private volatile RuntimeException failure;

	private final ExecutorService committer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mongo-commit");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong commits = new AtomicLong();

	private final AtomicLong syncNanos = new AtomicLong();

	GroupCommit(MVStore store, Runnable onFailure) {
		this.store = store;
		this.onFailure = onFailure;
	}

	/**
	 * Runs a command that may change the store, and returns once its change is on disk.
	 * @param collection the collection it changes ({@code database.collection}), or
	 * {@code null} when it may change more than one
	 */
	<T> T change(String collection, Supplier<T> command) {
		long ticket;
		T result;
		this.commands.readLock().lock();
		try {
			ticket = this.started.incrementAndGet();
			// known before the change is made, so a read that sees the change also sees
			// the ticket it must wait for
			AtomicLong newest = (collection != null)
					? this.startedIn.computeIfAbsent(collection, (name) -> new AtomicLong()) : this.startedAnywhere;
			newest.accumulateAndGet(ticket, Math::max);
			result = command.get();
		}
		finally {
			this.commands.readLock().unlock();
		}
		awaitDurable(ticket);
		return result;
	}

	/**
	 * Runs a command that only reads, and returns once every change it may have seen is
	 * on disk (at once when none is waiting).
	 * @param collection the one collection it reads ({@code database.collection}), or
	 * {@code null} when it may read more than one
	 */
	<T> T read(String collection, Supplier<T> command) {
		T result = command.get();
		awaitDurable(mayHaveSeen(collection));
		return result;
	}

	/** The newest change a read of the collection (or of anything, for null) may see. */
	private long mayHaveSeen(String collection) {
		if (collection == null) {
			return this.started.get();
		}
		AtomicLong newest = this.startedIn.get(collection);
		return Math.max(this.startedAnywhere.get(), (newest != null) ? newest.get() : 0);
	}

	/** Commits and syncs whatever has changed, for a clean stop. */
	void flush() {
		awaitDurable(this.started.get());
	}

	long commits() {
		return this.commits.get();
	}

	/** How many changing commands have started. */
	long changes() {
		return this.started.get();
	}

	long syncMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.syncNanos.get());
	}

	private void awaitDurable(long ticket) {
		if (this.durable >= ticket) {
			return;
		}
		this.lock.lock();
		try {
			while (this.durable < ticket) {
				if (this.failure != null) {
					throw this.failure;
				}
				if (!this.committing) {
					// no commit runs: one starts, for everyone waiting by then
					this.committing = true;
					this.committer.execute(this::commitRound);
				}
				this.committed.awaitUninterruptibly();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * One commit, on the committer thread: one thread writes the file, so the JDK keeps
	 * one temporary direct buffer of a chunk's size for its writes, not one for every
	 * connection's thread (which ran out of direct memory under load).
	 */
	private void commitRound() {
		long covered = -1;
		RuntimeException failed = null;
		try {
			covered = commitAndSync();
		}
		catch (RuntimeException | Error ex) {
			failed = new IllegalStateException("The data file could not be written: " + ex, ex);
		}
		this.lock.lock();
		try {
			this.committing = false;
			this.durable = Math.max(this.durable, covered);
			if (failed != null && this.failure == null) {
				this.failure = failed;
			}
			this.committed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (failed != null) {
			this.onFailure.run();
		}
	}

	/**
	 * @return the newest ticket that is now on disk
	 */
	private long commitAndSync() {
		long covered;
		this.commands.writeLock().lock();
		try {
			covered = this.started.get();
			this.store.commit();
		}
		finally {
			this.commands.writeLock().unlock();
		}
		long start = System.nanoTime();
		this.store.sync();
		this.syncNanos.addAndGet(System.nanoTime() - start);
		this.commits.incrementAndGet();
		return covered;
	}

}
