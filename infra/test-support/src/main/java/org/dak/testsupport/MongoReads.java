package org.dak.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Records what a service asks its database, to show which of its queries would read a
 * whole collection. The embedded MongoDB server answers a filter from an index only when
 * the filter names exactly the fields of a unique index (the {@code _id} or a declared
 * one), each with a value or an {@code $in} list; anything else, and every aggregation
 * (which {@code exists()} and {@code count()} are), reads every document. A real MongoDB
 * uses the same indexes. Add to a test with {@code @Import(MongoReads.Recording.class)}
 * and autowire it.
 */
public final class MongoReads {

	private static final Set<String> READING = Set.of("find", "update", "delete", "findAndModify", "count", "aggregate",
			"distinct");

	private final List<Command> commands = new CopyOnWriteArrayList<>();

	/** One filter a command used on a collection. */
	public record Command(String name, String collection, BsonDocument filter) {

		@Override
		public String toString() {
			return this.name + " " + this.collection + " " + this.filter.toJson();
		}

	}

	/** Forgets what was recorded so far. */
	public void clear() {
		this.commands.clear();
	}

	/** Every filter used on the collection since the last {@link #clear()}. */
	public List<Command> on(String collection) {
		return this.commands.stream().filter((command) -> command.collection().equals(collection)).toList();
	}

	/**
	 * The filters used on the collection that no unique index answers: each reads every
	 * document of the collection.
	 */
	public List<Command> scansOf(MongoTemplate mongo, String collection) {
		List<Set<String>> uniqueKeys = new ArrayList<>();
		for (Document index : mongo.getCollection(collection).listIndexes()) {
			Document key = index.get("key", Document.class);
			if (Boolean.TRUE.equals(index.getBoolean("unique")) || key.keySet().equals(Set.of("_id"))) {
				uniqueKeys.add(new HashSet<>(key.keySet()));
			}
		}
		uniqueKeys.add(Set.of("_id"));
		return on(collection).stream().filter((command) -> !answeredByIndex(command, uniqueKeys)).toList();
	}

	private static boolean answeredByIndex(Command command, List<Set<String>> uniqueKeys) {
		// the embedded server runs an aggregation (which exists() and count() are, too)
		// over every document, whatever its $match
		if (command.name().equals("aggregate")) {
			return false;
		}
		BsonDocument filter = command.filter();
		if (!uniqueKeys.contains(filter.keySet())) {
			return false;
		}
		for (BsonValue value : filter.values()) {
			if (value.isDocument() && !value.asDocument().keySet().equals(Set.of("$in"))) {
				return false;
			}
		}
		return true;
	}

	void record(CommandStartedEvent event) {
		if (!READING.contains(event.getCommandName())) {
			return;
		}
		BsonDocument command = event.getCommand();
		String collection = command.getString(event.getCommandName()).getValue();
		switch (event.getCommandName()) {
			case "update" -> statements(command, "updates", "q", event.getCommandName(), collection);
			case "delete" -> statements(command, "deletes", "q", event.getCommandName(), collection);
			case "findAndModify", "count" -> add(event.getCommandName(), collection, command.get("query"));
			case "find", "distinct" -> add(event.getCommandName(), collection, command.get("filter"));
			case "aggregate" -> {
				BsonValue first = command.getArray("pipeline").isEmpty() ? null : command.getArray("pipeline").get(0);
				add(event.getCommandName(), collection, (first != null && first.asDocument().containsKey("$match"))
						? first.asDocument().get("$match") : null);
			}
			default -> {
			}
		}
	}

	private void statements(BsonDocument command, String array, String field, String name, String collection) {
		if (command.containsKey(array)) {
			command.getArray(array).forEach((statement) -> add(name, collection, statement.asDocument().get(field)));
		}
		// the statements of a bulk write may travel as a document sequence, not inline
	}

	private void add(String name, String collection, BsonValue filter) {
		this.commands
			.add(new Command(name, collection, (filter != null) ? filter.asDocument().clone() : new BsonDocument()));
	}

	/** Registers the recorder with the service's MongoDB client. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Recording {

		@Bean
		MongoReads mongoReads() {
			return new MongoReads();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer recordMongoReads(MongoReads reads) {
			CommandListener listener = new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					reads.record(event);
				}
			};
			return (settings) -> settings.addCommandListener(listener);
		}

	}

}
