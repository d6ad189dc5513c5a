package org.dak.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the whole Dak Tracking System on this machine, keeps its data in one folder, and
 * stops every child process on Ctrl-C. Any piece can be switched to a real one by its
 * environment variable: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI},
 * {@code SMTP_HOST} (with {@code SMTP_PORT}), {@code SMS_PROVIDER_URL}.
 */
public final class LocalStack {

	/**
	 * The local stack's demo password; never used outside it (set DAK_DEMO_PASSWORD to
	 * change it).
	 */
	public static final String DEMO_PASSWORD = "dak-demo-2026";

	private final Path root;

	private final Path data;

	private final Map<String, String> env = System.getenv();

	private final List<ChildProcess> infrastructure = Collections.synchronizedList(new ArrayList<>());

	private final List<ChildProcess> services = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean stopping;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final List<KafkaBroker> kafka = new ArrayList<>();

	/**
	 * The cluster profile: three brokers and two instances of every service and of the
	 * gateway.
	 */
	private final boolean cluster;

	private LocalStack(Path root, Path data, boolean cluster) {
		this.root = root;
		this.data = data;
		this.cluster = cluster;
	}

	/**
	 * @param args {@code --cluster} for the cluster profile (or {@code DAK_CLUSTER=true})
	 */
	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("dak.root", ".")).toAbsolutePath().normalize();
		Path data = Path.of(System.getenv().getOrDefault("DAK_DATA_DIR", root.resolve("data").toString()))
			.toAbsolutePath();
		boolean cluster = List.of(args).contains("--cluster")
				|| Boolean.parseBoolean(System.getenv().getOrDefault("DAK_CLUSTER", "false"));
		LocalStack stack = new LocalStack(root, data, cluster);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			System.err.println("\nThe local stack did not start: " + ex.getMessage());
			System.exit(1);
		}
		stack.watch();
	}

	private void start() {
		long started = System.nanoTime();
		say("Data folder: " + this.data);
		String infraClasspath = infraClasspath(this.root);
		Map<String, String> serviceEnv = new LinkedHashMap<>();
		List<CompletableFuture<Void>> infra = new ArrayList<>();

		String kafkaServers = this.env.get("KAFKA_BOOTSTRAP_SERVERS");
		if (kafkaServers == null && this.cluster) {
			// 9092, 9094, 9096 for clients; 9093, 9095, 9097 for the controllers
			int port = port("KAFKA_PORT", 9092);
			KafkaCluster brokers = new KafkaCluster(this.data.resolve("kafka-cluster"),
					List.of(port, port + 2, port + 4), List.of(port + 1, port + 3, port + 5), infraClasspath);
			this.kafka.addAll(brokers.brokers());
			kafkaServers = brokers.bootstrapServers();
			infra.add(CompletableFuture.runAsync(brokers::start));
			serviceEnv.put("KAFKA_REPLICATION_FACTOR", "3");
			say("Kafka cluster of three brokers (KRaft; replication 3, min.insync.replicas 2) starting on "
					+ kafkaServers);
		}
		else if (kafkaServers == null) {
			int port = port("KAFKA_PORT", 9092);
			KafkaBroker broker = new KafkaBroker(this.data.resolve("kafka"), port, port("KAFKA_CONTROLLER_PORT", 9093),
					infraClasspath);
			this.kafka.add(broker);
			kafkaServers = broker.bootstrapServers();
			infra.add(CompletableFuture.runAsync(broker::start));
			say("Kafka broker (KRaft) starting on " + kafkaServers);
		}
		serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafkaServers);

		String mongoUri = this.env.get("MONGODB_URI");
		if (mongoUri == null) {
			int port = port("MONGODB_PORT", 27017);
			ChildProcess mongo = infraProcess("mongodb", infraClasspath, MongoServerMain.class,
					List.of(String.valueOf(port), this.data.resolve("mongodb").resolve("dak.mv").toString()));
			infra.add(CompletableFuture
				.runAsync(() -> mongo.awaitReady(() -> Probes.portOpen(port), Duration.ofSeconds(60))));
			mongoUri = "mongodb://127.0.0.1:" + port;
			say("Embedded MongoDB server starting on " + mongoUri);
		}
		serviceEnv.put("MONGODB_URI", mongoUri);

		String mailInbox = null;
		int imapPort = port("IMAP_PORT", 3143);
		if (this.env.get("SMTP_HOST") == null) {
			int smtp = port("SMTP_PORT", 3025);
			int web = port("MAIL_WEB_PORT", 8025);
			ChildProcess mail = infraProcess("mail", infraClasspath, MailServerMain.class,
					List.of(String.valueOf(smtp), String.valueOf(imapPort), String.valueOf(web)));
			infra.add(CompletableFuture
				.runAsync(() -> mail.awaitReady(() -> Probes.portOpen(web), Duration.ofSeconds(60))));
			serviceEnv.put("SMTP_HOST", "127.0.0.1");
			serviceEnv.put("SMTP_PORT", String.valueOf(smtp));
			mailInbox = "http://localhost:" + web + "/";
		}

		String smsInbox = null;
		if (this.env.get("SMS_PROVIDER_URL") == null) {
			int port = port("SMS_SIMULATOR_PORT", 8090);
			// the simulator reports delivery like a real provider, to the notification
			// service
			String callbackToken = java.util.UUID.randomUUID().toString();
			serviceEnv.put("SMS_CALLBACK_TOKEN", callbackToken);
			// to one notification instance, or in the cluster through the gateway to any
			String receipts = "http://127.0.0.1:"
					+ (this.cluster ? port("GATEWAY_PORT", 8080) : port("NOTIFICATION_PORT", 8084))
					+ "/api/v1/notifications/delivery-receipts";
			ChildProcess sms = infraProcess("sms-simulator", infraClasspath, SmsSimulatorMain.class,
					List.of(String.valueOf(port), this.data.resolve("sms").resolve("messages.jsonl").toString(),
							receipts, callbackToken));
			infra.add(CompletableFuture
				.runAsync(() -> sms.awaitReady(() -> Probes.portOpen(port), Duration.ofSeconds(60))));
			serviceEnv.put("SMS_PROVIDER_URL", "http://127.0.0.1:" + port + "/api/sms");
			smsInbox = "http://localhost:" + port + "/";
		}
		CompletableFuture.allOf(infra.toArray(CompletableFuture[]::new)).join();
		say("Infrastructure is up.");

		SigningKeys keys = SigningKeys.in(this.data.resolve("keys"));
		serviceEnv.put("DAK_JWT_PUBLIC_KEY", keys.publicKey().toString());
		SigningKeys sealing = SigningKeys.in(this.data.resolve("keys"), "sealing");
		serviceEnv.put("DAK_SEAL_PUBLIC_KEY", sealing.publicKey().toString());
		String adminPassword = this.env.getOrDefault("DAK_ADMIN_PASSWORD", DEMO_PASSWORD);
		String demoPassword = this.env.getOrDefault("DAK_DEMO_PASSWORD", DEMO_PASSWORD);

		// a demonstration system: the administrator may move tracking's clock forward to
		// watch
		// deadlines pass (the offset is forgotten on restart)
		serviceEnv.put("DAK_ADJUSTABLE_CLOCK", this.env.getOrDefault("DAK_ADJUSTABLE_CLOCK", "true"));
		int gatewayPort = port("GATEWAY_PORT", 8080);
		serviceEnv.put("DAK_PUBLIC_BASE_URL",
				this.env.getOrDefault("DAK_PUBLIC_BASE_URL", "http://localhost:" + gatewayPort));
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("intake-service", port("INTAKE_PORT", 8081));
		ports.put("routing-service", port("ROUTING_PORT", 8082));
		ports.put("tracking-service", port("TRACKING_PORT", 8083));
		ports.put("notification-service", port("NOTIFICATION_PORT", 8084));
		ports.put("gateway", gatewayPort);
		// the cluster's second instance of each: its first one's port + 100
		int instances = this.cluster ? 2 : 1;
		for (Map.Entry<String, Integer> service : ports.entrySet()) {
			if (!service.getKey().equals("gateway")) {
				serviceEnv.put(urlVariable(service.getKey()), instanceUrls(service.getValue(), instances));
			}
		}
		if (this.cluster) {
			// two gateways: a client may be sent to either, and each counts against the
			// same limits
			serviceEnv.put("DAK_LIMITS_SHARED", "true");
		}
		List<CompletableFuture<Void>> services = new ArrayList<>();
		List<String> starting = new ArrayList<>();
		for (Map.Entry<String, Integer> service : ports.entrySet()) {
			for (int instance = 1; instance <= instances; instance++) {
				int port = service.getValue() + 100 * (instance - 1);
				String name = service.getKey() + ((instance > 1) ? "-" + instance : "");
				Map<String, String> environment = new LinkedHashMap<>(serviceEnv);
				environment.put("PORT", String.valueOf(port));
				if (service.getKey().equals("intake-service") && mailInbox != null) {
					mailboxes(environment, imapPort);
				}
				if (service.getKey().equals("notification-service")) {
					environment.put("DAK_SEAL_PRIVATE_KEY", sealing.privateKey().toString());
				}
				if (service.getKey().equals("gateway")) {
					environment.put("DAK_JWT_PRIVATE_KEY", keys.privateKey().toString());
					environment.put("DAK_ADMIN_PASSWORD", adminPassword);
					environment.put("DAK_DEMO_PASSWORD", demoPassword);
					// audit entries not yet in the database, kept across a crash
					environment.put("DAK_AUDIT_JOURNAL", this.data.resolve("audit-journal").resolve(name).toString());
				}
				ChildProcess child = ChildProcess.bootJar(name, serviceJar(this.root, service.getKey()), environment,
						this.data.resolve("logs").resolve(name + ".log"));
				this.services.add(child.start());
				String base = "http://127.0.0.1:" + port;
				services.add(CompletableFuture
					.runAsync(() -> child.awaitReady(() -> Probes.healthy(base), Duration.ofMinutes(5))));
				starting.add(name + " on " + port);
			}
		}
		say("Starting " + String.join(", ", starting));
		CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();

		String gateway = "http://localhost:" + gatewayPort;
		StringBuilder summary = new StringBuilder();
		summary.append("\n================ Dak Tracking System is up (")
			.append(Duration.ofNanos(System.nanoTime() - started).toSeconds())
			.append(" s) ================\n");
		summary.append("  Gateway (the one entry)   ").append(gateway).append('\n');
		summary.append("  Staff desks (browser)     ").append(gateway).append("/desk/\n");
		summary.append("  Citizen's form            ").append(gateway).append("/submit\n");
		if (this.cluster) {
			summary.append("  Second gateway            http://localhost:").append(gatewayPort + 100).append('\n');
		}
		ports.forEach((name, port) -> summary.append("  %-25s %s%n".formatted(name,
				instanceUrls(port, instances).replace("127.0.0.1", "localhost").replace(",", "  "))));
		summary.append("  Kafka                     ").append(kafkaServers).append('\n');
		summary.append("  MongoDB                   ").append(mongoUri).append('\n');
		if (mailInbox != null) {
			summary.append("  Mail inbox (web)          ").append(mailInbox).append('\n');
		}
		if (smsInbox != null) {
			summary.append("  SMS simulator             ").append(smsInbox).append('\n');
		}
		summary.append("  Logs and data             ").append(this.data).append('\n');
		summary.append("\nDemo accounts (password '")
			.append(demoPassword)
			.append("'; administrator 'admin', password '")
			.append(adminPassword)
			.append("'):\n");
		summary.append("  desk (RECEIPT_DESK), dm (DM), officer.supply and officer.police (DEPARTMENT_OFFICER),\n")
			.append("  auditor (AUDITOR), adapter.email (CHANNEL_ADAPTER, EMAIL); adapter keys: POST /api/v1/admin/adapter-keys\n");
		summary.append("\nTry it:\n  curl -s -X POST ")
			.append(gateway)
			.append("/api/v1/complaints -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' \\\n")
			.append("    -d '{\"channel\":\"WEB\",\"applicant\":{\"name\":\"सुनीता देवी\",\"mobile\":\"9876543210\",")
			.append("\"email\":\"sunita@example.in\"},\"subject\":\"राशन कार्ड में नाम जोड़ना\",")
			.append("\"description\":\"बच्चों के नाम नहीं जुड़े\"}'\n");
		summary.append("  TOKEN=$(curl -s -X POST ")
			.append(gateway)
			.append("/api/v1/auth/login -H 'Content-Type: application/json' -d '{\"username\":\"dm\",\"password\":\"")
			.append(demoPassword)
			.append("\"}' | sed 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/')\n");
		summary.append("  curl -s ").append(gateway).append("/api/v1/inbox -H \"Authorization: Bearer $TOKEN\"\n");
		summary.append("\nCtrl-C stops everything; data stays in the data folder.\n");
		say(summary.toString());
	}

	/** Intake reads the local office's complaints box and its fax-to-mail box. */
	private static void mailboxes(Map<String, String> environment, int imapPort) {
		String[][] boxes = { { "complaints", MailServerMain.COMPLAINTS, "complaints", "EMAIL" },
				{ "fax-to-mail", MailServerMain.FAXES, "faxes", "FAX" } };
		for (int i = 0; i < boxes.length; i++) {
			String prefix = "DAK_INTAKE_MAIL_MAILBOXES_" + i + "_";
			environment.put(prefix + "NAME", boxes[i][0]);
			environment.put(prefix + "HOST", "127.0.0.1");
			environment.put(prefix + "PORT", String.valueOf(imapPort));
			environment.put(prefix + "SSL", "false");
			environment.put(prefix + "USERNAME", boxes[i][1]);
			environment.put(prefix + "PASSWORD", boxes[i][2]);
			environment.put(prefix + "CHANNEL", boxes[i][3]);
		}
		environment.put("DAK_INTAKE_MAIL_POLL_INTERVAL", "10s");
	}

	/**
	 * Starts again every child process that died, after a back-off that doubles with each
	 * death in a row (1 s, 2 s, 4 … at most a minute) and is forgotten once the process
	 * has run for five minutes; and says so.
	 */
	private void watch() {
		writePids();
		Supervisor supervisor = new Supervisor(System::nanoTime, LocalStack::say);
		this.infrastructure.forEach(supervisor::watch);
		new ArrayList<>(this.services).forEach(supervisor::watch);
		for (KafkaBroker broker : this.kafka) {
			supervisor.watch(new Supervisor.Watched(
					(this.kafka.size() > 1) ? "Kafka broker " + broker.nodeId() : "the Kafka broker", broker::isRunning,
					broker::start, broker.logFile()));
		}
		while (!awaitStop(2)) {
			if (!this.stopping && supervisor.check()) {
				writePids();
			}
		}
	}

	/**
	 * The process ID of every child in {@code data/run/<name>.pid}, for an operator (and
	 * the fault suite) to find them.
	 */
	private void writePids() {
		Path run = this.data.resolve("run");
		try {
			Files.createDirectories(run);
			List<ChildProcess> children = new ArrayList<>(this.infrastructure);
			children.addAll(this.services);
			for (ChildProcess child : children) {
				if (child.isAlive()) {
					Files.writeString(run.resolve(child.name() + ".pid"), String.valueOf(child.pid()));
				}
			}
			for (KafkaBroker broker : this.kafka) {
				if (broker.isRunning()) {
					Files.writeString(run.resolve(broker.name() + ".pid"), String.valueOf(broker.pid()));
				}
			}
		}
		catch (IOException ex) {
			say("WARNING: cannot write the process IDs to " + run + ": " + ex.getMessage());
		}
	}

	/** Waits up to {@code seconds} for the stack to be stopped. */
	private boolean awaitStop(int seconds) {
		try {
			return this.stopped.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private void stop() {
		this.stopping = true;
		this.stopped.countDown();
		say("Stopping the services...");
		new ArrayList<>(this.services).parallelStream().forEach(ChildProcess::stop);
		say("Stopping the infrastructure...");
		new ArrayList<>(this.infrastructure).parallelStream().forEach(ChildProcess::stop);
		this.kafka.parallelStream().forEach(KafkaBroker::stop);
		say("Stopped.");
	}

	private ChildProcess infraProcess(String name, String classpath, Class<?> main, List<String> args) {
		List<String> jvm = name.equals("mongodb") ? ChildProcess.smallJvm("256m", "48m")
				: ChildProcess.smallJvm("128m", "16m");
		ChildProcess child = ChildProcess.java(name, classpath, main.getName(), jvm, args,
				this.data.resolve("logs").resolve(name + ".log"));
		this.infrastructure.add(child.start());
		return child;
	}

	private int port(String variable, int defaultPort) {
		return Integer.parseInt(this.env.getOrDefault(variable, String.valueOf(defaultPort)));
	}

	/**
	 * The base URLs of a service's instances, as the gateway reads them: the first on
	 * {@code port}, each next one 100 above.
	 */
	static String instanceUrls(int port, int instances) {
		List<String> urls = new ArrayList<>();
		for (int instance = 0; instance < instances; instance++) {
			urls.add("http://127.0.0.1:" + (port + 100 * instance));
		}
		return String.join(",", urls);
	}

	/** {@code intake-service} → {@code INTAKE_SERVICE_URL}, as the gateway reads it. */
	public static String urlVariable(String service) {
		return service.toUpperCase().replace('-', '_') + "_URL";
	}

	/**
	 * The class path of the infrastructure processes: this module's classes and its
	 * runtime dependencies (copied to {@code target/lib} by the build).
	 */
	public static String infraClasspath(Path root) {
		Path module = root.resolve("infra").resolve("local-stack").resolve("target");
		if (!Files.isDirectory(module.resolve("lib"))) {
			throw new IllegalStateException("Build first: " + module.resolve("lib") + " is missing");
		}
		return module.resolve("classes") + File.pathSeparator + module.resolve("lib") + File.separator + "*";
	}

	/**
	 * The jar to start a service module from: its executable jar (as built by
	 * {@code mvn package}) unpacked, which starts on less CPU ({@link ExtractedJar}).
	 */
	public static Path serviceJar(Path root, String module) {
		Path target = root.resolve(module).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return ExtractedJar.of(files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Build first: no executable jar in " + target)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Build first: " + target + " is missing", ex);
		}
	}

	private static void say(String line) {
		System.out.println("[local-stack] " + line);
	}

}
