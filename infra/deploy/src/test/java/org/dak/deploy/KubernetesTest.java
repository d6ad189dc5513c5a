package org.dak.deploy;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.dak.testsupport.CommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every overlay in {@code infra/kubernetes} built with kustomize ({@code kubectl
 * kustomize}, offline) and read against the Kubernetes API's own model (fabric8's, made
 * from the API's OpenAPI schema): each object a known kind, no field the API does not
 * have; then what running the system safely needs of each Deployment.
 */
class KubernetesTest {

	private static final List<String> SERVICES = List.of("intake", "routing", "tracking", "notification", "gateway");

	@BeforeAll
	static void kubectl() {
		assumeTrue(CommandLine.installed("kubectl"), "kubectl is not installed (.ci/run installs it)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/district", "overlays/state", "operators" })
	void everyObjectIsAKindTheApiKnowsWithOnlyFieldsItHas(String folder) {
		List<HasMetadata> objects = build(folder);

		assertThat(objects).isNotEmpty();
		for (HasMetadata object : objects) {
			String what = object.getKind() + " " + object.getMetadata().getName();
			if (folder.equals("operators")) {
				// the operators' own kinds: not in the core API's model
				assertThat(object).as(what).isInstanceOf(GenericKubernetesResource.class);
				continue;
			}
			assertThat(object).as(what + " is a kind the API knows").isNotInstanceOf(GenericKubernetesResource.class);
			assertThat(unknownFields(object, what)).as("fields the Kubernetes API does not have").isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/district", "overlays/state" })
	void eachServiceIsProbedLimitedUnprivilegedAndKeptRunningThroughDisruptions(String folder) {
		List<HasMetadata> objects = build(folder);
		Map<String, Deployment> deployments = of(objects, Deployment.class);
		Map<String, PodDisruptionBudget> budgets = of(objects, PodDisruptionBudget.class);
		Map<String, HorizontalPodAutoscaler> autoscalers = of(objects, HorizontalPodAutoscaler.class);

		assertThat(deployments).containsOnlyKeys(SERVICES);
		for (String service : SERVICES) {
			Deployment deployment = deployments.get(service);
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			assertThat(container.getStartupProbe()).isNotNull();
			assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).containsKey("memory");
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
				.as("an upgrade takes no instance away before its successor is ready")
				.isZero();
			assertThat(budgets).as(service + " has a disruption budget").containsKey(service);
			assertThat(autoscalers.get(service).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
			assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/district", "overlays/state" })
	void onlyTheGatewayHoldsTheSigningKeyAndOnlyNotificationTheSealingKey(String folder) {
		Map<String, Deployment> deployments = of(build(folder), Deployment.class);

		for (String service : SERVICES) {
			List<String> keys = new ArrayList<>();
			for (Volume volume : deployments.get(service).getSpec().getTemplate().getSpec().getVolumes()) {
				if (volume.getSecret() != null && "dak-keys".equals(volume.getSecret().getSecretName())) {
					volume.getSecret().getItems().stream().map(KeyToPath::getKey).forEach(keys::add);
				}
			}
			assertThat(keys).as(service).contains("token-signing-public.pem", "sealing-public.pem");
			assertThat(keys.contains("token-signing-private.pem")).as(service + " holds the signing key")
				.isEqualTo(service.equals("gateway"));
			assertThat(keys.contains("sealing-private.pem")).as(service + " holds the sealing key")
				.isEqualTo(service.equals("notification"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators" })
	void kafkaKeepsEveryTopicOnThreeBrokersAndAWriteOnTwo(String folder) {
		GenericKubernetesResource kafka = build(folder).stream()
			.filter((object) -> object.getKind().equals("Kafka"))
			.map(GenericKubernetesResource.class::cast)
			.findFirst()
			.orElseThrow();

		Map<String, Object> config = kafka.get("spec", "kafka", "config");
		assertThat(config).containsEntry("default.replication.factor", 3)
			.containsEntry("min.insync.replicas", 2)
			.containsEntry("offsets.topic.replication.factor", 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators" })
	void kafkaTakesOnlyEncryptedSignedInConnectionsFromTheServices(String folder) {
		List<HasMetadata> objects = build(folder);
		GenericKubernetesResource kafka = objects.stream()
			.filter((object) -> object.getKind().equals("Kafka"))
			.map(GenericKubernetesResource.class::cast)
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");

		assertThat(listeners).isNotEmpty().allSatisfy((listener) -> {
			assertThat(listener).containsEntry("tls", true);
			assertThat(listener.get("authentication")).isEqualTo(Map.of("type", "scram-sha-512"));
			assertThat(listener).as("a network policy: the services' pods only").containsKey("networkPolicyPeers");
		});
		assertThat((Map<String, Object>) kafka.get("spec", "kafka", "authorization")).containsEntry("type", "simple");
		assertThat(objects.stream().filter((object) -> object.getKind().equals("KafkaUser")))
			.extracting((object) -> object.getMetadata().getName())
			.containsExactlyInAnyOrder("dak-intake", "dak-routing", "dak-tracking", "dak-notification");
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/district", "overlays/state" })
	void eachServiceSignsInToKafkaAsItsOwnUserOverTls(String folder) {
		List<HasMetadata> objects = build(folder);
		Map<String, Deployment> deployments = of(objects, Deployment.class);
		String config = objects.stream()
			.filter((object) -> object.getKind().equals("ConfigMap"))
			.map(Object::toString)
			.collect(java.util.stream.Collectors.joining());

		assertThat(config).contains("SPRING_KAFKA_SECURITY_PROTOCOL=SASL_SSL", "SASL_MECHANISM=SCRAM-SHA-512",
				"dak-kafka-kafka-bootstrap:9093");
		for (String service : List.of("intake", "routing", "tracking", "notification")) {
			Container container = deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getEnv())
				.filteredOn((variable) -> variable.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.singleElement()
				.satisfies((variable) -> assertThat(variable.getValueFrom().getSecretKeyRef().getName())
					.isEqualTo("dak-" + service));
		}
	}

	@org.junit.jupiter.api.Test
	void aMisspeltFieldIsFound() {
		HasMetadata deployment = Serialization.unmarshal(new ByteArrayInputStream("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: intake }
				spec:
				  selector: { matchLabels: { app: intake } }
				  template:
				    metadata: { labels: { app: intake } }
				    spec:
				      containers:
				        - name: intake
				          image: dak/intake-service
				          livenesProbe: { httpGet: { path: /actuator/health/liveness, port: 8080 } }
				""".getBytes(StandardCharsets.UTF_8)));

		assertThat(unknownFields(deployment, "Deployment intake")).singleElement()
			.asString()
			.contains("containers[0]")
			.contains("livenesProbe");
	}

	private static List<HasMetadata> build(String folder) {
		CommandLine kustomize = Repository.run("kubectl", "kustomize", "infra/kubernetes/" + folder);
		assertThat(kustomize.exit()).as(kustomize.errors()).isZero();
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : kustomize.output().split("(?m)^---$")) {
			if (!document.isBlank()) {
				objects
					.add(Serialization.unmarshal(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
			}
		}
		return objects;
	}

	private static <T extends HasMetadata> Map<String, T> of(List<HasMetadata> objects, Class<T> kind) {
		return objects.stream()
			.filter(kind::isInstance)
			.map(kind::cast)
			.collect(Collectors.toMap((object) -> object.getMetadata().getName(), (object) -> object));
	}

	/**
	 * Where the model kept a field it does not have (fabric8's classes keep them in
	 * {@code additionalProperties} instead of refusing them): a misspelt or misplaced
	 * field.
	 */
	private static List<String> unknownFields(Object value, String path) {
		List<String> unknown = new ArrayList<>();
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return unknown;
		}
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
			}
			return unknown;
		}
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, item) -> unknown.addAll(unknownFields(item, path + "." + key)));
			return unknown;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return unknown;
		}
		try {
			for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass()).getPropertyDescriptors()) {
				Method getter = property.getReadMethod();
				if (getter == null || getter.getParameterCount() > 0 || property.getName().equals("class")) {
					continue;
				}
				Object field = getter.invoke(value);
				if (property.getName().equals("additionalProperties")) {
					if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
						unknown.add(path + ": " + extra.keySet());
					}
					continue;
				}
				unknown.addAll(unknownFields(field, path + "." + property.getName()));
			}
		}
		catch (ReflectiveOperationException | java.beans.IntrospectionException ex) {
			throw new IllegalStateException(path, ex);
		}
		return unknown;
	}

}
