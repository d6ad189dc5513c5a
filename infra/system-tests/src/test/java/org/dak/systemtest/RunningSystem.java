package org.dak.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.dak.localstack.ChildProcess;
import org.dak.contracts.Topic;
import org.dak.localstack.KafkaBroker;
import org.dak.localstack.KafkaCluster;
import org.dak.localstack.LocalStack;
import org.dak.localstack.MongoServerMain;
import org.dak.localstack.Probes;

import static org.awaitility.Awaitility.await;

/**
 * The four services and the gateway as processes, started from their executable jars
 * (unpacked), against one Kafka broker process and one MongoDB server, with the mail
 * relay and SMS provider the test supplies; or in the cluster profile
 * ({@link #cluster(List)}), against three brokers with two instances of the services
 * named behind the gateway.
 */
final class RunningSystem implements SystemUnderFaults {

	private static final List<String> SERVICES = List.of("intake-service", "routing-service", "tracking-service",
			"notification-service", "gateway");

	private final Path root = Path.of(System.getProperty("dak.root", "../..")).toAbsolutePath().normalize();

	private final Path workDir;

	private final KafkaBroker kafka;

	/** The cluster's brokers, in the cluster profile (else null). */
	private final KafkaCluster brokers;

	/** The broker last killed, to start again. */
	private KafkaBroker killed;

	private final ChildProcess mongo;

	private final List<ChildProcess> services = new ArrayList<>();

	private final Map<String, ChildProcess> byName = new LinkedHashMap<>();

	private final int gatewayPort;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	static final String ADMIN_PASSWORD = "system-test-admin-password";

	/** The secret the SMS provider sends with delivery receipts. */
	static final String CALLBACK_TOKEN = "system-test-callback-token";

	private static RunningSystem shared;

	/** The ports {@link #freePort()} gave out, to any system of this run. */
	private static final Set<Integer> GIVEN_OUT = ConcurrentHashMap.newKeySet();

	/** The office's complaints address: mail sent to it becomes an item. */
	static final String COMPLAINTS = "complaints@dak.test";

	private static final String COMPLAINTS_PASSWORD = "complaints-box-password";

	private final GreenMail mail;

	private final WireMockServer sms;

	private final TraceSink traces = new TraceSink();

	private final String mongoUri;

	private final int mongoPort;

	/**
	 * The one system of this test run, started on first use and stopped when the JVM
	 * ends; with a mail server (GreenMail) and an SMS provider (WireMock, accepting
	 * everything) of its own.
	 */
	static synchronized RunningSystem shared() {
		if (shared == null) {
			shared = new RunningSystem(false, List.of(), false);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "system-test-shutdown"));
		}
		return shared;
	}

	/**
	 * A system of its own, for a test that breaks things (kills the broker and services)
	 * and must leave the shared one as it was; the caller closes it.
	 */
	static RunningSystem isolated() {
		return new RunningSystem(false, List.of(), true);
	}

	/**
	 * The cluster profile, of its own: three brokers (replication 3, min.insync.replicas
	 * 2), two instances of each of the {@code services} named ({@code tracking-service}
	 * and {@code tracking-service-2} …; {@code gateway} too) and one of the others, the
	 * gateways balancing over them; the caller closes it.
	 */
	static RunningSystem cluster(List<String> services) {
		return new RunningSystem(true, services, true);
	}

	GreenMail mail() {
		return this.mail;
	}

	WireMockServer sms() {
		return this.sms;
	}

	TraceSink traces() {
		return this.traces;
	}

	/** Where every process of the run writes its log. */
	Path logs() {
		return this.workDir.resolve("logs");
	}

	private RunningSystem(boolean cluster, List<String> twice, boolean isolated) {
		this.mail = new GreenMail(
				new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.mail.start();
		// the office's complaints box, which intake reads over IMAP
		this.mail.setUser(COMPLAINTS, COMPLAINTS, COMPLAINTS_PASSWORD);
		this.sms = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
		this.sms.start();
		this.sms
			.stubFor(WireMock.post(WireMock.urlEqualTo("/api/sms")).willReturn(WireMock.aResponse().withStatus(202)));
		int smtpPort = this.mail.getSmtp().getPort();
		String smsProviderUrl = this.sms.baseUrl() + "/api/sms";
		try {
			// under target/, so the logs of a failed run are there to read and mvn clean
			// removes them
			Path runs = this.root.resolve("infra").resolve("system-tests").resolve("target").resolve("runs");
			Files.createDirectories(runs);
			this.workDir = Files.createTempDirectory(runs, "run-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (cluster) {
			this.brokers = new KafkaCluster(this.workDir.resolve("kafka"), List.of(freePort(), freePort(), freePort()),
					List.of(freePort(), freePort(), freePort()), LocalStack.infraClasspath(this.root));
			this.kafka = null;
		}
		else {
			this.brokers = null;
			this.kafka = new KafkaBroker(this.workDir.resolve("kafka"), freePort(), freePort(),
					LocalStack.infraClasspath(this.root));
		}
		// its own process, so a test can freeze it as a stalled database server would be
		int mongoPort = freePort();
		this.mongoPort = mongoPort;
		this.mongoUri = "mongodb://127.0.0.1:" + mongoPort;
		// the shared system's data is in memory; a system of its own (the fault suites
		// kill its database) keeps it in a file, as the local stack and a server do
		String store = isolated ? this.workDir.resolve("mongodb").resolve("dak.mv").toString() : "memory";
		this.mongo = ChildProcess.java("mongodb", LocalStack.infraClasspath(this.root), MongoServerMain.class.getName(),
				List.of("-Xmx256m", "-XX:+UseSerialGC"), List.of(String.valueOf(mongoPort), store),
				this.workDir.resolve("logs").resolve("mongodb.log"));
		this.mongo.start();
		if (cluster) {
			this.brokers.start();
		}
		else {
			this.kafka.start();
		}
		this.mongo.awaitReady(() -> Probes.portOpen(mongoPort), Duration.ofSeconds(60));

		Map<String, Integer> ports = this.ports;
		// in the cluster, the second instance of a service is "<service>-2"
		SERVICES.forEach((service) -> ports.put(service, freePort()));
		twice.forEach((service) -> ports.put(service + "-2", freePort()));
		// the test-only key pair of test-support, so tests can sign tokens of their own
		Path privateKey = copyResource("/dak-test-jwt-private.pem");
		Path publicKey = copyResource("/dak-test-jwt-public.pem");
		this.gatewayPort = ports.get("gateway");
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
		if (cluster) {
			environment.put("KAFKA_REPLICATION_FACTOR", "3");
		}
		environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
		environment.put("SMTP_HOST", "127.0.0.1");
		environment.put("SMTP_PORT", String.valueOf(smtpPort));
		environment.put("SMS_PROVIDER_URL", smsProviderUrl);
		environment.put("DAK_PUBLIC_BASE_URL", gatewayUrl());
		// spans go to the test's collector; only a trace its caller asked to be sampled
		// (traceparent flag 01) is recorded, so the rest of the tests pay nothing for it
		environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", this.traces.endpoint());
		environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "1s");
		environment.put("DAK_TRACING_SAMPLING", "0.0");
		environment.put("KAFKA_PARTITIONS", "2");
		// a test system: deadlines are watched by moving tracking's clock forward
		environment.put("DAK_ADJUSTABLE_CLOCK", "true");
		environment.put("SMS_CALLBACK_TOKEN", CALLBACK_TOKEN);
		environment.put("DAK_JWT_PUBLIC_KEY", publicKey.toString());
		environment.put("DAK_SEAL_PUBLIC_KEY", copyResource("/dak-test-seal-public.pem").toString());
		Path sealingKey = copyResource("/dak-test-seal-private.pem");
		for (String service : SERVICES) {
			String urls = "http://127.0.0.1:" + ports.get(service);
			if (ports.containsKey(service + "-2")) {
				urls += ",http://127.0.0.1:" + ports.get(service + "-2");
			}
			environment.put(LocalStack.urlVariable(service), urls);
		}

		List<CompletableFuture<Void>> ready = new ArrayList<>();
		for (String instance : ports.keySet()) {
			String service = instance.replaceFirst("-2$", "");
			Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
			serviceEnvironment.put("PORT", String.valueOf(ports.get(instance)));
			if (service.equals("notification-service")) {
				serviceEnvironment.put("DAK_SEAL_PRIVATE_KEY", sealingKey.toString());
				// a test system: a provider that failed is tried again within seconds
				serviceEnvironment.put("DAK_NOTIFICATION_RETRY_LATERBACKOFF", "2s");
				serviceEnvironment.put("DAK_NOTIFICATION_RETRY_MAXLATERBACKOFF", "10s");
				serviceEnvironment.put("DAK_NOTIFICATION_CIRCUITBREAKER_OPENFOR", "5s");
				// a test system sends a few messages a second: the optimising compiler
				// the launcher gives notification for its unsealing only costs CPU at
				// each start
				serviceEnvironment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
			}
			if (service.equals("intake-service")) {
				String mailbox = "DAK_INTAKE_MAIL_MAILBOXES_0_";
				serviceEnvironment.put(mailbox + "NAME", "complaints");
				serviceEnvironment.put(mailbox + "HOST", "127.0.0.1");
				serviceEnvironment.put(mailbox + "PORT", String.valueOf(this.mail.getImap().getPort()));
				serviceEnvironment.put(mailbox + "SSL", "false");
				serviceEnvironment.put(mailbox + "USERNAME", COMPLAINTS);
				serviceEnvironment.put(mailbox + "PASSWORD", COMPLAINTS_PASSWORD);
				serviceEnvironment.put("DAK_INTAKE_MAIL_POLL_INTERVAL", "2s");
			}
			if (service.equals("notification-service")) {
				// the suites' webhook subscribers listen on this machine
				serviceEnvironment.put("DAK_WEBHOOK_PRIVATE_TARGETS", "localhost,127.0.0.1");
			}
			if (service.equals("gateway")) {
				serviceEnvironment.put("DAK_JWT_PRIVATE_KEY", privateKey.toString());
				serviceEnvironment.put("DAK_ADMIN_PASSWORD", ADMIN_PASSWORD);
				// the local stack's demo accounts, which docs/walkthrough.md signs in as
				serviceEnvironment.put("DAK_DEMO_PASSWORD", Gateway.PASSWORD);
				serviceEnvironment.put("DAK_TRUSTED_PROXIES", "127.0.0.1");
				serviceEnvironment.put("DAK_LIMIT_PUBLIC_TRACKING", "30");
				serviceEnvironment.put("DAK_LIMIT_PUBLIC_SUBMISSION", "1000");
				serviceEnvironment.put("DAK_LIMIT_PUBLIC_OTHER", "1000");
				serviceEnvironment.put("DAK_AUDIT_JOURNAL",
						this.workDir.resolve("audit-journal").resolve(instance).toString());
				serviceEnvironment.put("DAK_LIMIT_SIGN_IN", "1000");
				// the hostile-input and fault suites send thousands of requests as one
				// person
				serviceEnvironment.put("DAK_LIMIT_SIGNED_IN", "100000");
				// the suites make and sign in hundreds of accounts: bcrypt's least cost
				// (about 1 ms a password, not 70)
				serviceEnvironment.put("DAK_PASSWORD_HASH_COST", "4");
			}
			ChildProcess process = ChildProcess.bootJar(instance, LocalStack.serviceJar(this.root, service),
					serviceEnvironment, this.workDir.resolve("logs").resolve(instance + ".log"));
			this.services.add(process.start());
			this.byName.put(instance, process);
			String base = "http://127.0.0.1:" + ports.get(instance);
			ready.add(CompletableFuture
				.runAsync(() -> process.awaitReady(() -> Probes.healthy(base), Duration.ofMinutes(4))));
		}
		CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
	}

	@Override
	public String gatewayUrl() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	@Override
	public List<String> gatewayUrls() {
		return this.ports.containsKey("gateway-2") ? List.of(gatewayUrl(), serviceUrl("gateway-2"))
				: List.of(gatewayUrl());
	}

	/** The URL of one service, to call it directly (past the gateway). */
	@Override
	public String serviceUrl(String service) {
		return "http://127.0.0.1:" + this.ports.get(service);
	}

	KafkaBroker kafka() {
		return this.kafka;
	}

	/** The cluster's brokers (in the cluster profile). */
	KafkaCluster brokers() {
		return this.brokers;
	}

	/** Kills a service at once ({@code kill -9}). */
	@Override
	public void kill(String service) {
		this.byName.get(service).kill();
	}

	/** A service's process, for a launcher's watch. */
	ChildProcess process(String service) {
		return this.byName.get(service);
	}

	/**
	 * Stops a service as its operator would ({@code SIGTERM}), and waits until it has.
	 */
	void stop(String service) {
		this.byName.get(service).stop();
	}

	/**
	 * Starts a service again, on its port, and waits until it is healthy; one still
	 * running is stopped first ({@code SIGTERM}), as an operator's restart does.
	 */
	@Override
	public void restart(String service) {
		ChildProcess process = this.byName.get(service);
		process.stop();
		process.start();
		process.awaitReady(() -> Probes.healthy(serviceUrl(service)), Duration.ofMinutes(3));
	}

	@Override
	public String adminPassword() {
		return ADMIN_PASSWORD;
	}

	@Override
	public String kafkaBootstrapServers() {
		return (this.brokers != null) ? this.brokers.bootstrapServers() : this.kafka.bootstrapServers();
	}

	/** The MongoDB server every service's database is on. */
	String mongoUri() {
		return this.mongoUri;
	}

	@Override
	public void killBroker() {
		this.killed = (this.brokers != null) ? this.brokers.node(this.brokers
			.leaderOfTheBusiestPartitions(java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList()))
				: this.kafka;
		this.killed.kill();
	}

	/** Which broker was killed last: its node ID (1 outside the cluster). */
	int killedBroker() {
		return (this.killed != null) ? this.killed.nodeId() : 0;
	}

	@Override
	public void restartBroker(Duration down) {
		await().pollDelay(down).atMost(down.plusSeconds(5)).until(() -> true);
		this.killed.start();
	}

	@Override
	public String restartedBy() {
		return "the test, 5 s later";
	}

	@Override
	public void pauseBroker() {
		this.kafka.pause();
	}

	@Override
	public void resumeBroker() {
		this.kafka.resume();
	}

	@Override
	public void killDatabase() {
		this.mongo.kill();
	}

	@Override
	public void restartDatabase(Duration down) {
		await().pollDelay(down).atMost(down.plusSeconds(5)).until(() -> true);
		this.mongo.start();
		this.mongo.awaitReady(() -> Probes.portOpen(this.mongoPort), Duration.ofSeconds(60));
	}

	@Override
	public void pauseDatabase() {
		this.mongo.pause();
	}

	@Override
	public void resumeDatabase() {
		this.mongo.resume();
	}

	@Override
	public void smsProviderAnswers(int status) {
		this.sms.stubFor(WireMock.post(WireMock.urlEqualTo("/api/sms"))
			.atPriority(1)
			.willReturn(WireMock.aResponse().withStatus(status)));
	}

	/** The SMS provider refuses every message to this mobile for good (HTTP 400). */
	void smsProviderRefuses(String mobile) {
		this.sms.stubFor(WireMock.post(WireMock.urlEqualTo("/api/sms"))
			.atPriority(1)
			.withRequestBody(WireMock.containing(mobile))
			.willReturn(WireMock.aResponse().withStatus(400).withBody("{\"error\":\"DND\"}")));
	}

	@Override
	public void smsProviderAnswersAfter(Duration delay) {
		this.sms.stubFor(WireMock.post(WireMock.urlEqualTo("/api/sms"))
			.atPriority(1)
			.willReturn(WireMock.aResponse().withStatus(202).withFixedDelay((int) delay.toMillis())));
	}

	@Override
	public void smsProviderWorks() {
		this.sms.getStubMappings()
			.stream()
			.filter((stub) -> stub.getPriority() != null && stub.getPriority() == 1)
			.toList()
			.forEach(this.sms::removeStub);
	}

	@Override
	public List<String> smsTaken() {
		return this.sms.getAllServeEvents()
			.stream()
			.filter((event) -> event.getResponse().getStatus() == 202)
			.map((event) -> event.getRequest().getBodyAsString())
			.toList();
	}

	@Override
	public List<List<String>> mailRecipients() {
		List<List<String>> recipients = new ArrayList<>();
		java.util.Set<String> messages = new java.util.HashSet<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			try {
				String notification = message.getHeader("X-Dak-Notification-Id", null);
				if (notification != null && !messages.add(notification)) {
					continue;
				}
				Address[] to = message.getAllRecipients();
				recipients.add((to != null) ? Arrays.stream(to).map(Address::toString).toList() : List.of());
			}
			catch (MessagingException ex) {
				recipients.add(List.of());
			}
		}
		return recipients;
	}

	@Override
	public void mailComplaint(String from, String name, String subject, String text) {
		Mails.send(this.mail.getSmtp().createSession(), from, name, COMPLAINTS, subject, text);
	}

	/**
	 * Has every service print its threads' stacks to its log: where a stuck one is stuck.
	 */
	@Override
	public void dumpThreads() {
		this.services.forEach(ChildProcess::dumpThreads);
		System.out.println("Thread dumps of the services are in " + this.workDir.resolve("logs"));
	}

	/**
	 * A folder with each process's ID in {@code <name>.pid}, as the local stack's
	 * launcher keeps them: for the benchmark harness to read their CPU and memory.
	 */
	Path processIds() {
		Path run = this.workDir.resolve("run");
		try {
			Files.createDirectories(run);
			for (ChildProcess process : this.services) {
				Files.writeString(run.resolve(process.name() + ".pid"), String.valueOf(process.pid()));
			}
			if (this.brokers != null) {
				for (KafkaBroker broker : this.brokers.brokers()) {
					Files.writeString(run.resolve(broker.name() + ".pid"), String.valueOf(broker.pid()));
				}
			}
			else {
				Files.writeString(run.resolve("kafka.pid"), String.valueOf(this.kafka.pid()));
			}
			Files.writeString(run.resolve("mongodb.pid"), String.valueOf(this.mongo.pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return run;
	}

	/** The MongoDB server process every service uses. */
	ChildProcess database() {
		return this.mongo;
	}

	@Override
	public void close() {
		// all at once, and killed after a short grace: the test JVM is killed itself 5 s
		// after it began to exit (the shared system stops then), and a process still
		// running after that would outlive the test run (a test system keeps nothing)
		Duration grace = Duration.ofSeconds(3);
		this.mongo.resume();
		List<Runnable> stops = new ArrayList<>();
		this.services.forEach((service) -> stops.add(() -> service.stop(grace)));
		if (this.brokers != null) {
			this.brokers.brokers().forEach((broker) -> stops.add(() -> broker.stop(grace)));
		}
		else {
			stops.add(() -> this.kafka.stop(grace));
		}
		stops.add(() -> this.mongo.stop(grace));
		java.util.concurrent.ExecutorService stopping = java.util.concurrent.Executors.newFixedThreadPool(stops.size());
		CompletableFuture
			.allOf(stops.stream()
				.map((stop) -> CompletableFuture.runAsync(stop, stopping))
				.toArray(CompletableFuture[]::new))
			.join();
		stopping.shutdown();
		this.traces.close();
		this.sms.stop();
		this.mail.stop();
	}

	private Path copyResource(String name) {
		try (var in = RunningSystem.class.getResourceAsStream(name)) {
			Path file = this.workDir.resolve(name.substring(1));
			Files.write(file, in.readAllBytes());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A port for a process to listen on: free now, never given out before in this run,
	 * and below the range the kernel picks outgoing connections' ports from (32768 and up
	 * on Linux), where a port found free is soon taken by a connection of the tests
	 * running beside (a broker of the cluster once failed to bind so).
	 */
	private static int freePort() {
		for (int tries = 0; tries < 1000; tries++) {
			int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
			if (GIVEN_OUT.add(port) && free(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port between 20000 and 32000");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
