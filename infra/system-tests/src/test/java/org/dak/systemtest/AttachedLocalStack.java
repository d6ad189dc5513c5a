package org.dak.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;
import org.awaitility.Awaitility;
import org.dak.localstack.ChildProcess;
import org.dak.localstack.LocalStack;
import org.dak.localstack.MailServerMain;
import org.dak.localstack.Probes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack someone started with {@code ./run-local.sh}, found by the ports and the
 * data folder it uses (the same environment variables, with the same defaults). Its
 * launcher starts a killed process again by itself; the processes are found by the IDs it
 * keeps in {@code data/run}; its SMS simulator is told to fail through {@code /faults},
 * and its mail server lists what it received.
 */
final class AttachedLocalStack implements SystemUnderFaults {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> env;

	private final Path run;

	private AttachedLocalStack(Map<String, String> env, Path data) {
		this.env = env;
		this.run = data.resolve("run");
		if (!Files.isDirectory(this.run)) {
			throw new IllegalStateException("No local stack to attach to: " + this.run
					+ " is missing (start it with ./run-local.sh, or set DAK_DATA_DIR to its data folder)");
		}
	}

	static AttachedLocalStack fromEnvironment() {
		Path root = Path.of(System.getProperty("dak.root", "../..")).toAbsolutePath().normalize();
		Map<String, String> env = System.getenv();
		return new AttachedLocalStack(env, Path.of(env.getOrDefault("DAK_DATA_DIR", root.resolve("data").toString())));
	}

	@Override
	public String gatewayUrl() {
		return "http://127.0.0.1:" + port("GATEWAY_PORT", 8080);
	}

	@Override
	public String serviceUrl(String service) {
		return "http://127.0.0.1:" + switch (service) {
			case "intake-service" -> port("INTAKE_PORT", 8081);
			case "routing-service" -> port("ROUTING_PORT", 8082);
			case "tracking-service" -> port("TRACKING_PORT", 8083);
			case "notification-service" -> port("NOTIFICATION_PORT", 8084);
			default -> port("GATEWAY_PORT", 8080);
		};
	}

	@Override
	public String adminPassword() {
		return this.env.getOrDefault("DAK_ADMIN_PASSWORD", LocalStack.DEMO_PASSWORD);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port("KAFKA_PORT", 9092));
	}

	@Override
	public void killBroker() {
		kill9("kafka");
	}

	@Override
	public void restartBroker(Duration down) {
		int port = port("KAFKA_PORT", 9092);
		await("the Kafka broker", () -> Probes.portOpen(port), Duration.ofMinutes(2));
	}

	@Override
	public String restartedBy() {
		return "the launcher";
	}

	@Override
	public void pauseBroker() {
		signal("kafka", "STOP");
	}

	@Override
	public void resumeBroker() {
		signal("kafka", "CONT");
	}

	@Override
	public void kill(String service) {
		kill9(service);
	}

	@Override
	public void restart(String service) {
		String url = serviceUrl(service);
		await(service, () -> Probes.healthy(url), Duration.ofMinutes(3));
	}

	@Override
	public void killDatabase() {
		kill9("mongodb");
	}

	@Override
	public void restartDatabase(Duration down) {
		int port = port("MONGODB_PORT", 27017);
		await("the MongoDB server", () -> Probes.portOpen(port), Duration.ofMinutes(2));
	}

	@Override
	public void pauseDatabase() {
		signal("mongodb", "STOP");
	}

	@Override
	public void resumeDatabase() {
		signal("mongodb", "CONT");
	}

	@Override
	public void smsProviderAnswers(int status) {
		call("POST", sms() + "/faults?status=" + status + "&seconds=3600");
	}

	@Override
	public void smsProviderAnswersAfter(Duration delay) {
		call("POST", sms() + "/faults?delayMs=" + delay.toMillis() + "&seconds=3600");
	}

	@Override
	public void smsProviderWorks() {
		call("DELETE", sms() + "/faults");
	}

	@Override
	public List<String> smsTaken() {
		List<String> bodies = new ArrayList<>();
		for (JsonNode message : JSON.readTree(call("GET", sms() + "/api/sms"))) {
			bodies.add(message.get("request").toString());
		}
		return bodies;
	}

	@Override
	public List<List<String>> mailRecipients() {
		List<List<String>> recipients = new ArrayList<>();
		String list = call("GET", "http://127.0.0.1:" + port("MAIL_WEB_PORT", 8025) + "/api/messages");
		for (JsonNode message : JSON.readTree(list)) {
			List<String> to = new ArrayList<>();
			message.get("to").forEach((address) -> to.add(address.asString()));
			recipients.add(to);
		}
		return recipients;
	}

	@Override
	public void mailComplaint(String from, String name, String subject, String text) {
		Properties settings = new Properties();
		settings.put("mail.smtp.host", "127.0.0.1");
		settings.put("mail.smtp.port", String.valueOf(port("SMTP_PORT", 3025)));
		Mails.send(Session.getInstance(settings), from, name, MailServerMain.COMPLAINTS, subject, text);
	}

	@Override
	public void dumpThreads() {
		for (String service : List.of("intake-service", "routing-service", "tracking-service", "notification-service",
				"gateway")) {
			signal(service, "QUIT");
		}
		System.out.println("Thread dumps of the services are in the local stack's logs");
	}

	@Override
	public void close() {
		// the local stack is someone else's: it runs on
	}

	private String sms() {
		return "http://127.0.0.1:" + port("SMS_SIMULATOR_PORT", 8090);
	}

	private int port(String variable, int defaultPort) {
		return Integer.parseInt(this.env.getOrDefault(variable, String.valueOf(defaultPort)));
	}

	private long pid(String name) {
		Path file = this.run.resolve(name + ".pid");
		try {
			return Long.parseLong(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The local stack runs no " + name + " of its own (no " + file + ")", ex);
		}
	}

	/** Kills the process with SIGKILL and waits until it is gone. */
	private void kill9(String name) {
		ProcessHandle.of(pid(name)).ifPresent((process) -> {
			process.destroyForcibly();
			process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
		});
	}

	private void signal(String name, String signal) {
		ChildProcess.signal(pid(name), signal, name);
	}

	private static void await(String what, java.util.function.BooleanSupplier ready, Duration atMost) {
		Awaitility.await(what + " started again by the launcher")
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(ready::getAsBoolean);
	}

	private static String call(String method, String url) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(method + " " + url + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
