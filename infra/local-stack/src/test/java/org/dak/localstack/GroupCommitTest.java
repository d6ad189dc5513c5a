package org.dak.localstack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read answers only once every change it may have seen is committed, and waits for no
 * change it cannot have seen.
 */
class GroupCommitTest {

	private final MVStore store = new MVStore.Builder().autoCommitDisabled().open();

	private final GroupCommit commits = new GroupCommit(this.store, () -> {
	});

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aReadOfTheChangedCollectionWaitsForTheChangeAReadOfAnotherDoesNot() throws Exception {
		MVMap<String, String> counters = this.store.openMap("intake.counters");
		CountDownLatch changing = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> change = CompletableFuture.runAsync(() -> this.commits.change("intake.counters", () -> {
			counters.put("DM-2026", "42");
			changing.countDown();
			await(finish);
			return null;
		}));
		assertThat(changing.await(10, TimeUnit.SECONDS)).isTrue();

		// the change is made but not committed: a read of another collection answers
		// at once, a read that may have seen it waits for its commit
		assertThat(CompletableFuture.supplyAsync(() -> this.commits.read("intake.complaints", () -> "answered"))
			.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
		CompletableFuture<String> sameCollection = CompletableFuture
			.supplyAsync(() -> this.commits.read("intake.counters", () -> counters.get("DM-2026")));
		CompletableFuture<String> anyCollection = CompletableFuture
			.supplyAsync(() -> this.commits.read(null, () -> "answered"));
		Awaitility.await()
			.during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.until(() -> !sameCollection.isDone() && !anyCollection.isDone());

		finish.countDown();
		change.get(10, TimeUnit.SECONDS);
		assertThat(sameCollection.get(10, TimeUnit.SECONDS)).isEqualTo("42");
		assertThat(anyCollection.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
		assertThat(this.store.hasUnsavedChanges()).isFalse();
	}

	@Test
	void aChangeThatNamesNoCollectionHoldsUpEveryRead() throws Exception {
		CountDownLatch changing = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> change = CompletableFuture.runAsync(() -> this.commits.change(null, () -> {
			this.store.openMap("tracking.cases").put("DM-2026-000001", "RECEIVED");
			changing.countDown();
			await(finish);
			return null;
		}));
		assertThat(changing.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<String> read = CompletableFuture
			.supplyAsync(() -> this.commits.read("tracking.cases", () -> "answered"));
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());

		finish.countDown();
		change.get(10, TimeUnit.SECONDS);
		assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
