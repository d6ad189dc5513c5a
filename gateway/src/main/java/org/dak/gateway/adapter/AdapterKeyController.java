package org.dak.gateway.adapter;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.dak.gateway.account.Secrets;
import org.dak.platform.Problem;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator issues, lists and revokes adapter keys. A key is shown once, when it
 * is issued.
 */
@RestController
@RequestMapping("/api/v1/admin/adapter-keys")
class AdapterKeyController {

	private final ReactiveMongoTemplate mongo;

	AdapterKeyController(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	record NewKey(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{3,60}") String name, @NotBlank String channel) {
	}

	record IssuedKey(String id, String name, String channel, String key) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<IssuedKey> issue(@Valid @RequestBody NewKey request) {
		if (!Channels.ALL.contains(request.channel())) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "channel-required", "Unknown channel",
					"Channel must be one of " + Channels.ALL + ".");
		}
		String key = Secrets.generate("daka_");
		AdapterKey stored = new AdapterKey(UUID.randomUUID().toString(), request.name(), request.channel(),
				Secrets.sha256(key), Instant.now(), null);
		return this.mongo.insert(stored).map((saved) -> new IssuedKey(saved.id(), saved.name(), saved.channel(), key));
	}

	@GetMapping
	Flux<AdapterKey.AdapterKeyView> keys() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), AdapterKey.class).map(AdapterKey::view);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@PathVariable String id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
					new Update().set("revokedAt", Instant.now()), AdapterKey.class)
			.flatMap((result) -> (result.getMatchedCount() == 0)
					? this.mongo.exists(Query.query(Criteria.where("_id").is(id)), AdapterKey.class)
						.flatMap((exists) -> exists ? Mono.<Void>empty() : Mono.error(new Problem(HttpStatus.NOT_FOUND,
								"key-not-found", "No such key", "There is no adapter key " + id + ".")))
					: Mono.empty());
	}

}
