package org.dak.gateway.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.dak.platform.Roles;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing (bcrypt, through the delegating encoder so the algorithm can be raised
 * later), the first administrator on an empty database, and demo accounts for the local
 * stack.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountProperties.class)
class AccountConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

	/** username, role, department, channel: one demo account per role. */
	static final List<List<String>> DEMO = List.of(List.of("desk", Roles.RECEIPT_DESK, "", ""),
			List.of("dm", Roles.DM, "", ""), List.of("officer.supply", Roles.DEPARTMENT_OFFICER, "SUPPLY", ""),
			List.of("officer.police", Roles.DEPARTMENT_OFFICER, "POLICE", ""),
			List.of("auditor", Roles.AUDITOR, "", ""), List.of("adapter.email", Roles.CHANNEL_ADAPTER, "", "EMAIL"));

	@Bean
	PasswordEncoder passwordEncoder(AccountProperties properties) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordHashCost())));
	}

	@Bean
	ApplicationRunner firstAccounts(ReactiveMongoTemplate mongo, PasswordEncoder passwords,
			AccountProperties properties) {
		return (args) -> {
			long existing = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Account.class).block();
			if (existing == 0) {
				firstAdministrator(mongo, passwords, properties).ifPresent((password) -> log.warn(
						"\n\n    The first administrator is '{}', with the password {}\n    It is shown this once, "
								+ "here: sign in with it and choose your own (nothing else can be done before).\n",
						properties.bootstrapAdminUsername(), password));
			}
			if (properties.demoPassword() != null && !properties.demoPassword().isBlank()) {
				Flux.fromIterable(DEMO)
					.flatMap((demo) -> mongo.findById(demo.get(0), Account.class)
						.hasElement()
						.flatMap((exists) -> exists ? Mono.empty()
								: mongo
									.insert(account(demo.get(0), properties.demoPassword(), List.of(demo.get(1)),
											demo.get(2).isEmpty() ? null : demo.get(2),
											demo.get(3).isEmpty() ? null : demo.get(3), passwords))
									.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())))
					.blockLast();
				log.info("Demo accounts (password from DAK_DEMO_PASSWORD): {}", DEMO);
			}
		};
	}

	private static Account account(String username, String password, List<String> roles, String department,
			String channel, PasswordEncoder passwords) {
		return new Account(username, passwords.encode(password), roles, department, null, channel, true, 0, false,
				Instant.now(), null);
	}

	/**
	 * Creates the first administrator on an empty database: with DAK_ADMIN_PASSWORD if it
	 * is set, else with a password made here, which must be changed at the first sign-in.
	 * Another gateway starting at the same moment may have created it: one is created.
	 * @return the password made here, if one was (and this gateway created the account)
	 */
	static Optional<String> firstAdministrator(ReactiveMongoTemplate mongo, PasswordEncoder passwords,
			AccountProperties properties) {
		boolean given = properties.bootstrapAdminPassword() != null && !properties.bootstrapAdminPassword().isBlank();
		String password = given ? properties.bootstrapAdminPassword() : Secrets.generate("").substring(0, 24);
		Account first = new Account(properties.bootstrapAdminUsername(), passwords.encode(password),
				List.of(Roles.ADMIN), null, null, null, true, 0,
				!given || properties.bootstrapAdminMustChangePassword(), Instant.now(), null);
		boolean created = Boolean.TRUE.equals(mongo.insert(first)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false))
			.block());
		if (created) {
			log.info("Created the first administrator '{}'", properties.bootstrapAdminUsername());
		}
		return (created && !given) ? Optional.of(password) : Optional.empty();
	}

}
