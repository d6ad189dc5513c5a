package org.dak.operator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The operator's command. The broker is {@code KAFKA_BOOTSTRAP_SERVERS} (as the services
 * have it):
 *
 * <pre>
 * dlt list [TOPIC]                         the events set aside, and why
 * dlt replay TOPIC --event ID [--event ID]  send those back to TOPIC, after the fix
 * dlt replay TOPIC --key RECEIPT-NUMBER     every one of that item's
 * dlt replay TOPIC --all                    every one of TOPIC's
 * backup FOLDER                            the databases and the topic configuration
 * restore FOLDER [--replace]               put them back; receipt counters above every
 *                                          number on complaint-received
 * rebuild tracking [--database NAME]       its cases from the topics, at its next start
 * resend RECEIPT-NUMBER [--user NAME]      an item's messages that did not arrive, again
 * </pre>
 *
 * The database is {@code MONGODB_URI}; intake's is {@code DAK_INTAKE_DATABASE}
 * ({@code dak_intake}), whose receipt counters a restore raises. {@code resend} goes
 * through the gateway ({@code DAK_GATEWAY_URL}) as a user with the DM's role
 * ({@code --user} or {@code DAK_USER}), whose password is {@code DAK_PASSWORD} or asked
 * for.
 */
public final class Operator {

	private Operator() {
	}

	public static void main(String[] args) {
		int exit = run(args, System.getenv(), System.out, System.err);
		System.exit(exit);
	}

	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		List<String> words = List.of(args);
		if (words.size() >= 2 && (words.get(0).equals("backup") || words.get(0).equals("restore"))) {
			return backup(words, environment, out, err);
		}
		if (words.size() >= 2 && words.get(0).equals("resend")) {
			return resend(words, environment, out, err);
		}
		if (words.size() >= 2 && words.get(0).equals("rebuild")) {
			return rebuild(words, environment, out, err);
		}
		if (words.size() < 2 || !words.get(0).equals("dlt")) {
			err.println(usage());
			return 2;
		}
		DeadLetters deadLetters = new DeadLetters(
				environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
		try {
			switch (words.get(1)) {
				case "list" -> {
					List<DeadLetter> found = deadLetters.list((words.size() > 2) ? words.get(2) : null);
					for (DeadLetter letter : found) {
						out.printf("%s %d:%d  %s  event %s (%s)  set aside %s%n    %s%n", letter.deadLetterTopic(),
								letter.partition(), letter.offset(), letter.key(), letter.eventId(), letter.eventType(),
								letter.failedAt(), letter.reason());
					}
					out.println(found.size() + " dead letters");
					return 0;
				}
				case "replay" -> {
					if (words.size() < 4) {
						err.println(usage());
						return 2;
					}
					String topic = words.get(2);
					Predicate<DeadLetter> chosen = chosen(words.subList(3, words.size()));
					if (chosen == null) {
						err.println(usage());
						return 2;
					}
					List<DeadLetter> sent = deadLetters.replay(topic, chosen);
					for (DeadLetter letter : sent) {
						out.printf("replayed %s %d:%d  %s  event %s  to %s%n", letter.deadLetterTopic(),
								letter.partition(), letter.offset(), letter.key(), letter.eventId(), letter.topic());
					}
					out.println(sent.size() + " replayed (a service that already has an event ignores it)");
					return 0;
				}
				default -> {
					err.println(usage());
					return 2;
				}
			}
		}
		catch (RuntimeException ex) {
			err.println("dak dlt: " + ex.getMessage());
			return 1;
		}
	}

	private static int backup(List<String> words, Map<String, String> environment, PrintStream out, PrintStream err) {
		boolean replace = words.size() == 3 && words.get(2).equals("--replace");
		if (words.size() > 3 || (words.size() == 3 && !(replace && words.get(0).equals("restore")))) {
			err.println(usage());
			return 2;
		}
		Backup backup = new Backup(environment.getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017"),
				environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
				environment.getOrDefault("DAK_INTAKE_DATABASE", "dak_intake"));
		Path folder = Path.of(words.get(1));
		try {
			if (words.get(0).equals("backup")) {
				Backup.Summary saved = backup.save(folder);
				out.printf("backed up %d databases, %d collections, %d documents and %d topics to %s%n",
						saved.databases(), saved.collections(), saved.documents(), saved.topics(), folder);
			}
			else {
				Backup.Summary restored = backup.restore(folder, replace);
				out.printf("restored %d databases, %d collections, %d documents; created %d missing topics%n",
						restored.databases(), restored.collections(), restored.documents(), restored.topics());
				restored.countersRaised()
					.forEach((counter, serial) -> out.printf(
							"receipt counter %s raised to %d: numbers up to it were given out after the backup%n",
							counter, serial));
			}
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("dak " + words.get(0) + ": " + ex.getMessage());
			return 1;
		}
	}

	private static int resend(List<String> words, Map<String, String> environment, PrintStream out, PrintStream err) {
		String user = environment.get("DAK_USER");
		if (words.size() == 4 && words.get(2).equals("--user")) {
			user = words.get(3);
		}
		else if (words.size() != 2) {
			err.println(usage());
			return 2;
		}
		if (user == null) {
			err.println("dak resend: name a user with the DM's role: --user NAME (or DAK_USER)");
			return 2;
		}
		char[] password = (environment.get("DAK_PASSWORD") != null) ? environment.get("DAK_PASSWORD").toCharArray()
				: (System.console() != null) ? System.console().readPassword("password of %s: ", user) : null;
		if (password == null) {
			err.println("dak resend: no password: set DAK_PASSWORD or run it at a terminal");
			return 2;
		}
		try {
			Resend.Outcome outcome = new Resend(environment.getOrDefault("DAK_GATEWAY_URL", "http://127.0.0.1:8080"))
				.resend(words.get(1), user, password);
			for (org.bson.Document message : outcome.resent()) {
				out.printf("queued again: %s %s to %s %s; %s%n", message.getString("channel"),
						message.getString("template"), message.getString("audience"), message.getString("recipient"),
						message.getString("reason"));
			}
			out.printf("%d messages queued again; %d others were sent or are on their way%n", outcome.resent().size(),
					outcome.unchanged());
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("dak resend: " + ex.getMessage());
			return 1;
		}
	}

	private static int rebuild(List<String> words, Map<String, String> environment, PrintStream out, PrintStream err) {
		String database = null;
		if (words.size() == 4 && words.get(2).equals("--database")) {
			database = words.get(3);
		}
		else if (words.size() != 2) {
			err.println(usage());
			return 2;
		}
		Rebuild rebuild = new Rebuild(environment.getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017"),
				environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
		try {
			Rebuild.Target target = rebuild.request(words.get(1), database);
			out.printf(
					"%s rebuilds %s from the topics at its next start (dak start %s); the data as it was is "
							+ "kept aside, and its log says when the rebuild is done%n",
					target.group(), target.what(), words.get(1));
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("dak rebuild: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("dak rebuild: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * What to replay, or {@code null} when nothing was said (a replay is never implied).
	 */
	private static Predicate<DeadLetter> chosen(List<String> options) {
		List<String> events = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		boolean all = false;
		for (int i = 0; i < options.size(); i++) {
			String option = options.get(i);
			if (option.equals("--all")) {
				all = true;
			}
			else if ((option.equals("--event") || option.equals("--key")) && i + 1 < options.size()) {
				(option.equals("--event") ? events : keys).add(options.get(++i));
			}
			else {
				return null;
			}
		}
		if (all) {
			return (letter) -> true;
		}
		if (events.isEmpty() && keys.isEmpty()) {
			return null;
		}
		return (letter) -> events.contains(letter.eventId()) || keys.contains(letter.key());
	}

	private static String usage() {
		return """
				usage: dak dlt list [TOPIC]
				       dak dlt replay TOPIC (--event EVENT-ID ... | --key RECEIPT-NUMBER ... | --all)
				       dak backup FOLDER
				       dak restore FOLDER [--replace]
				       dak rebuild tracking [--database NAME]
				       dak resend RECEIPT-NUMBER [--user NAME]""";
	}

}
