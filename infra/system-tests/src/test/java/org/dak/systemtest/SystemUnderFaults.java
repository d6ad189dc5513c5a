package org.dak.systemtest;

import java.time.Duration;
import java.util.List;

/**
 * What the fault suite needs of a running system: its addresses, its processes to kill
 * and freeze, an SMS provider to make fail, and the messages it sent. Either the system
 * the suite starts for itself ({@link RunningSystem}) or the local stack someone started
 * with {@code ./run-local.sh} ({@link AttachedLocalStack}).
 */
interface SystemUnderFaults extends AutoCloseable {

	String gatewayUrl();

	/** Every gateway's URL: more than one in a cluster with two gateways. */
	default List<String> gatewayUrls() {
		return List.of(gatewayUrl());
	}

	/** The URL of one service, to call it directly (past the gateway). */
	String serviceUrl(String service);

	String adminPassword();

	String kafkaBootstrapServers();

	/** Kills the broker at once ({@code kill -9}). */
	void killBroker();

	/** Has the killed broker running again, {@code down} after it was killed at most. */
	void restartBroker(Duration down);

	/** How the broker and the services come back after a kill, for the report. */
	String restartedBy();

	/** Freezes the broker (SIGSTOP), as a hung machine would be. */
	void pauseBroker();

	void resumeBroker();

	/** Kills a service at once ({@code kill -9}). */
	void kill(String service);

	/** Has the killed service running again, and waits until it is healthy. */
	void restart(String service);

	/** Kills the MongoDB server at once ({@code kill -9}). */
	void killDatabase();

	/**
	 * Has the killed MongoDB server running again, {@code down} after it was killed at
	 * most.
	 */
	void restartDatabase(Duration down);

	/** Freezes the MongoDB server (SIGSTOP). */
	void pauseDatabase();

	void resumeDatabase();

	/** The SMS provider answers every message with this status, keeping none. */
	void smsProviderAnswers(int status);

	/** The SMS provider takes every message, but answers this late. */
	void smsProviderAnswersAfter(Duration delay);

	/** The SMS provider works again. */
	void smsProviderWorks();

	/** The request bodies of the SMS messages the provider took. */
	List<String> smsTaken();

	/**
	 * The recipients of every e-mail sent, one entry for each message the system sent: a
	 * message sent again (the notification service killed between handing it to the relay
	 * and recording it, so it went again after the restart, as docs/api.md says it may)
	 * carries the same {@code X-Dak-Notification-Id} and is counted once, as the SMS
	 * count counts a message by its reference.
	 */
	List<List<String>> mailRecipients();

	/** Sends a complaint by e-mail to the office's complaints box. */
	void mailComplaint(String from, String name, String subject, String text);

	/** Has every service print its threads' stacks to its log. */
	void dumpThreads();

	@Override
	void close();

}
