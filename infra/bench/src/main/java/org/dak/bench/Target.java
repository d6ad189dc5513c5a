package org.dak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The system measured: submits, counts and watches items through its HTTP API. */
final class Target {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Bench.Settings settings;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newCachedThreadPool())
		.build();

	private volatile String dmToken;

	private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() % 10_000_000);

	Target(Bench.Settings settings) {
		this.settings = settings;
		this.dmToken = signIn();
	}

	/**
	 * Signs in as the DM. Tokens last minutes and a fill to 100k items takes much longer,
	 * so the harness signs in again whenever tracking says the token is no longer good.
	 */
	private String signIn() {
		Answer signIn = send(HttpRequest.newBuilder(this.settings.gateway().resolve("/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
					Map.of("username", this.settings.dmUser(), "password", this.settings.dmPassword())))));
		if (signIn.status() != 200) {
			throw new IllegalStateException("Cannot sign in as " + this.settings.dmUser() + " at "
					+ this.settings.gateway() + ": " + signIn.status() + " " + signIn.body());
		}
		return JSON.readTree(signIn.body()).get("accessToken").asString();
	}

	/** Fills the system to {@code size} items, waits for quiet, and measures. */
	Bench.AtSize measureAt(int size) {
		fill(size);
		int stored = awaitQuiet();
		Bench.say("%d items stored; measuring".formatted(stored));
		double notificationRate = drainNotifications();
		Processes.Sample idle = Processes.sample(this.settings.pids(), this.settings.idle());
		Latencies gatewayFixed = atFixedRate(this.settings.gateway(), true);
		Latencies directFixed = atFixedRate(this.settings.intake(), false);
		int before = awaitQuiet();
		long start = System.nanoTime();
		Latencies gatewayMax = atMaximum(this.settings.gateway());
		double gatewayRate = gatewayMax.submitted.size() / seconds(this.settings.phase().toNanos());
		int visibleTarget = before + gatewayMax.submitted.size();
		while (storedItems() < visibleTarget && System.nanoTime() - start < Duration.ofMinutes(30).toNanos()) {
			pause(100);
		}
		double visibleRate = gatewayMax.submitted.size() / seconds(System.nanoTime() - start);
		awaitQuiet();
		Latencies directMax = atMaximum(this.settings.intake());
		double directRate = directMax.submitted.size() / seconds(this.settings.phase().toNanos());
		awaitQuiet();
		Map<String, Double> settled = Map.of();
		if (!this.settings.settle().isZero()) {
			Bench.say("settling for %d s, then sampling CPU again".formatted(this.settings.settle().toSeconds()));
			pause(this.settings.settle().toMillis());
			settled = Processes.sample(this.settings.pids(), this.settings.idle()).cpuPercentOfACore();
		}
		Bench.AtSize figures = new Bench.AtSize(stored, idle.cpuPercentOfACore(), settled, idle.rssMegabytes(),
				gatewayFixed.submission(), directFixed.submission(), gatewayFixed.visible(), gatewayMax.submission(),
				gatewayRate, directRate, visibleRate, notificationRate);
		Bench.say(figures.toString());
		return figures;
	}

	/** Submits straight to intake, many at once, until tracking holds {@code size}. */
	private void fill(int size) {
		int missing = size - storedItems();
		if (missing <= 0) {
			return;
		}
		Bench.say("filling: %d items to go".formatted(missing));
		AtomicInteger left = new AtomicInteger(missing);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		long start = System.nanoTime();
		for (int i = 0; i < 8; i++) {
			callers.execute(() -> {
				while (left.getAndDecrement() > 0) {
					if (submit(this.settings.intake()).status() != 201) {
						left.incrementAndGet();
						pause(200);
					}
				}
			});
		}
		callers.shutdown();
		while (!awaitTermination(callers, 10)) {
			Bench.say("filling: %d to go, %.0f items/s".formatted(left.get(),
					(missing - left.get()) / seconds(System.nanoTime() - start)));
		}
	}

	/**
	 * Submits {@code rate} items a second for the phase; through the gateway it also
	 * watches each acknowledged item until public tracking shows it.
	 */
	private Latencies atFixedRate(URI base, boolean watch) {
		Latencies latencies = new Latencies();
		ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
		ExecutorService watchers = Executors.newCachedThreadPool();
		long period = 1_000_000_000L / this.settings.rate();
		clock.scheduleAtFixedRate(() -> {
			Submitted submitted = submit(base);
			latencies.record(submitted);
			if (watch && submitted.status() == 201) {
				watchers.execute(() -> latencies.visible(submitted, awaitVisible(submitted)));
			}
		}, 0, period, TimeUnit.NANOSECONDS);
		pause(this.settings.phase().toMillis());
		clock.shutdown();
		awaitTermination(clock, 60);
		watchers.shutdown();
		awaitTermination(watchers, 120);
		return latencies;
	}

	/** As many callers at once as configured, each submitting again at once. */
	private Latencies atMaximum(URI base) {
		Latencies latencies = new Latencies();
		ExecutorService callers = Executors.newFixedThreadPool(this.settings.concurrency());
		long end = System.nanoTime() + this.settings.phase().toNanos();
		for (int i = 0; i < this.settings.concurrency(); i++) {
			callers.execute(() -> {
				while (System.nanoTime() < end) {
					latencies.record(submit(base));
				}
			});
		}
		callers.shutdown();
		awaitTermination(callers, this.settings.phase().toSeconds() + 60);
		return latencies;
	}

	/** Polls public tracking (past the gateway's limits) until it shows the item. */
	private long awaitVisible(Submitted submitted) {
		URI track = this.settings.tracking()
			.resolve("/api/v1/public/track/" + submitted.receiptNumber() + "?code=" + submitted.accessCode());
		long deadline = submitted.acknowledgedAt() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (send(HttpRequest.newBuilder(track).GET()).status() == 200) {
				return System.nanoTime() - submitted.acknowledgedAt();
			}
			pause(10);
		}
		return -1;
	}

	/** A web complaint, as a citizen's browser sends it. */
	private Submitted submit(URI base) {
		long n = this.serial.incrementAndGet();
		String body = """
				{"channel":"WEB","applicant":{"name":"बेंचमार्क %d","mobile":"9%09d","preferredLanguage":"hi"},
				 "subject":"मापन %d: सड़क की मरम्मत","description":"गाँव की सड़क टूटी है, मरम्मत की जाए।"}"""
			.formatted(n, n % 1_000_000_000, n);
		long start = System.nanoTime();
		Answer answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/complaints"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "bench-" + UUID.randomUUID())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		long end = System.nanoTime();
		if (answer.status() != 201) {
			return new Submitted(answer.status(), end - start, end, null, null);
		}
		JsonNode receipt = JSON.readTree(answer.body());
		return new Submitted(201, end - start, end, receipt.get("receiptNumber").asString(),
				receipt.get("accessCode").asString());
	}

	/**
	 * Waits until the notification service has sent every waiting message (the receipts
	 * of the items just stored).
	 * @return messages sent a second while the backlog drained, or NaN if there was
	 * hardly any (fewer than 50)
	 */
	private double drainNotifications() {
		long start = System.nanoTime();
		double sentBefore = smsSent();
		double backlog = pendingNotifications();
		try (ConsumerLag lag = new ConsumerLag(this.settings.kafka())) {
			int still = 0;
			while (still < 3 && System.nanoTime() - start < Duration.ofMinutes(60).toNanos()) {
				pause(1000);
				long behind = lag.total();
				double waiting = pendingNotifications();
				backlog = Math.max(backlog, waiting);
				// a broker that does not answer (-1) must not hold the harness up
				still = (behind <= 0 && waiting == 0) ? still + 1 : 0;
			}
		}
		double sent = smsSent() - sentBefore;
		double rate = (sent < 50) ? Double.NaN : sent / seconds(System.nanoTime() - start);
		Bench.say("every service caught up after %.0f s; %.0f SMS sent meanwhile, %.1f a second (at most %.0f waited)"
			.formatted(seconds(System.nanoTime() - start), sent, rate, backlog));
		return rate;
	}

	/** SMS handed to the provider so far ({@code dak_notifications_total}, sent). */
	private double smsSent() {
		Answer metrics = send(
				HttpRequest.newBuilder(this.settings.notification().resolve("/actuator/prometheus")).GET());
		double sent = 0;
		for (String line : metrics.body().split("\n")) {
			if (line.startsWith("dak_notifications_total{") && line.contains("channel=\"SMS\"")
					&& line.contains("outcome=\"sent\"")) {
				sent += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sent;
	}

	/**
	 * {@code dak_notifications_pending} of the notification service; 0 if it has none.
	 */
	private double pendingNotifications() {
		Answer metrics = send(
				HttpRequest.newBuilder(this.settings.notification().resolve("/actuator/prometheus")).GET());
		for (String line : metrics.body().split("\n")) {
			if (line.startsWith("dak_notifications_pending")) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	private Answer summary() {
		return send(HttpRequest.newBuilder(this.settings.tracking().resolve("/api/v1/dashboard/summary"))
			.header("Authorization", "Bearer " + this.dmToken)
			.GET());
	}

	/** Items in tracking (every status). */
	int storedItems() {
		Answer summary = summary();
		if (summary.status() == 401) {
			this.dmToken = signIn();
			summary = summary();
		}
		if (summary.status() != 200) {
			throw new IllegalStateException("Tracking's summary answered " + summary.status());
		}
		int total = 0;
		for (JsonNode count : JSON.readTree(summary.body()).get("byStatus")) {
			total += count.asInt();
		}
		return total;
	}

	/** Waits until tracking's count has not moved for three seconds. */
	private int awaitQuiet() {
		int last = -1;
		int still = 0;
		while (still < 3) {
			pause(1000);
			int now = storedItems();
			still = (now == last) ? still + 1 : 0;
			last = now;
		}
		return last;
	}

	/** Sends a request; an answer that never came is status -1 with the reason. */
	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, String.valueOf(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitTermination(ExecutorService executor, long seconds) {
		try {
			return executor.awaitTermination(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	/** One submission's answer. */
	record Submitted(int status, long nanos, long acknowledgedAt, String receiptNumber, String accessCode) {
	}

	/** What a phase recorded. */
	static final class Latencies {

		final List<Submitted> submitted = new CopyOnWriteArrayList<>();

		final List<Long> submissionNanos = new CopyOnWriteArrayList<>();

		final AtomicInteger failed = new AtomicInteger();

		final List<Long> visibleNanos = new CopyOnWriteArrayList<>();

		final AtomicInteger neverVisible = new AtomicInteger();

		void record(Submitted answer) {
			if (answer.status() == 201) {
				this.submitted.add(answer);
				this.submissionNanos.add(answer.nanos());
			}
			else {
				this.failed.incrementAndGet();
			}
		}

		void visible(Submitted answer, long nanos) {
			if (nanos < 0) {
				this.neverVisible.incrementAndGet();
			}
			else {
				this.visibleNanos.add(nanos);
			}
		}

		Bench.Latency submission() {
			return Bench.Latency.of(this.submissionNanos, this.failed.get());
		}

		Bench.Latency visible() {
			return Bench.Latency.of(this.visibleNanos, this.neverVisible.get());
		}

	}

	/** What came back: the status (-1 if nothing did) and the body. */
	private record Answer(int status, String body) {
	}

}
