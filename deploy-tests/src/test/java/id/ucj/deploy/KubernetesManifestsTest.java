package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize base in {@code deploy/k8s/base}, parsed as Kubernetes would read it:
 * probes on the actuator's health groups, resources, disruption budgets, autoscalers
 * within the partition count, configuration from ConfigMaps and the Secret, scrape
 * annotations, the aggregator's state on volumes of its own, and the topic job.
 */
class KubernetesManifestsTest {

	private static final Path BASE = Repository.DEPLOY.resolve("k8s/base");

	private static final List<String> SERVICES = List.of("enrollment-service", "coverage-aggregator",
			"notification-service");

	private static Map<String, Object> kustomization;

	private static List<Map<String, Object>> objects;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readTheBase() throws IOException {
		kustomization = new Yaml().load(Files.readString(BASE.resolve("kustomization.yaml")));
		objects = new ArrayList<>();
		for (String resource : (List<String>) kustomization.get("resources")) {
			for (Object document : new Yaml().loadAll(Files.readString(BASE.resolve(resource)))) {
				if (document != null) {
					objects.add((Map<String, Object>) document);
				}
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theKustomizationListsEveryManifestAndEveryFileItNames() throws IOException {
		List<String> resources = (List<String>) kustomization.get("resources");
		try (Stream<Path> files = Files.list(BASE)) {
			List<String> manifests = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
				.toList();
			assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
		}
		for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.get("configMapGenerator")) {
			assertThat((List<String>) generator.get("files"))
				.allSatisfy((file) -> assertThat(BASE.resolve(file)).isRegularFile());
		}
		assertThat(objects).allSatisfy((object) -> assertThat(object).containsKeys("apiVersion", "kind", "metadata"));
	}

	@Test
	void everyServiceHasProbesOnTheActuatorHealthGroupsAndResourceRequestsAndLimits() {
		for (String service : SERVICES) {
			Map<String, Object> container = container(service);
			int port = port(container);

			assertThat(at(container, "readinessProbe", "httpGet", "path")).as(service)
				.isEqualTo("/actuator/health/readiness");
			assertThat(at(container, "livenessProbe", "httpGet", "path")).as(service)
				.isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
			assertThat(env(container)).as(service).containsEntry("SERVER_PORT", String.valueOf(port));
			for (String kind : List.of("requests", "limits")) {
				assertThat(at(container, "resources", kind, "cpu")).as(service + " " + kind).isNotNull();
				assertThat(at(container, "resources", kind, "memory")).as(service + " " + kind).isNotNull();
			}
		}
	}

	@Test
	void everyServiceIsScrapedByPrometheusOnItsOwnPort() {
		for (String service : SERVICES) {
			Map<String, Object> annotations = mapAt(workload(service), "spec", "template", "metadata", "annotations");

			assertThat(annotations).as(service)
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", "/actuator/prometheus")
				.containsEntry("prometheus.io/port", String.valueOf(port(container(service))));
		}
	}

	/**
	 * Debian's Prometheus has no Kubernetes discovery, so promtool cannot load this file
	 * here: read it instead.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theInClusterPrometheusKeepsAnnotatedPodsAndNamesTheirApplication() throws IOException {
		Map<String, Object> config = new Yaml()
			.load(Files.readString(Repository.DEPLOY.resolve("prometheus/kubernetes.yml")));
		Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
		List<Map<String, Object>> relabelling = (List<Map<String, Object>>) job.get("relabel_configs");

		assertThat(config.get("rule_files")).isEqualTo(List.of("rules/*.yml"));
		assertThat(job).containsEntry("honor_labels", true);
		assertThat(job.get("kubernetes_sd_configs").toString()).contains("role=pod", "ucj-coverage");
		assertThat(relabelling).anySatisfy((rule) -> assertThat(rule).containsEntry("action", "keep")
			.containsEntry("source_labels", List.of("__meta_kubernetes_pod_annotation_prometheus_io_scrape")));
		assertThat(relabelling)
			.anySatisfy((rule) -> assertThat(rule).containsEntry("target_label", "__metrics_path__"));
		assertThat(relabelling).anySatisfy((rule) -> assertThat(rule).containsEntry("target_label", "__address__")
			.containsEntry("replacement", "$1:$2"));
		assertThat(relabelling).anySatisfy((rule) -> assertThat(rule).containsEntry("target_label", "application")
			.containsEntry("source_labels", List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name")));
		for (String service : SERVICES) {
			assertThat(mapAt(workload(service), "spec", "template", "metadata", "labels"))
				.containsEntry("app.kubernetes.io/name", service);
		}
	}

	@Test
	void everyServiceHasADisruptionBudgetAndAnAutoscalerThatConsumersKeepWithinThePartitions() {
		int partitions = Integer.parseInt(configMap("ucj-config").get("UCJ_TOPICS_PARTITIONS").toString());
		for (String service : SERVICES) {
			Map<String, Object> workload = workload(service);
			Map<String, Object> labels = mapAt(workload, "spec", "template", "metadata", "labels");
			Map<String, Object> budget = object("PodDisruptionBudget", service);
			Map<String, Object> autoscaler = object("HorizontalPodAutoscaler", service);

			assertThat(labels).containsAllEntriesOf(mapAt(budget, "spec", "selector", "matchLabels"));
			assertThat(at(budget, "spec", "maxUnavailable")).isEqualTo(1);
			assertThat(at(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service);
			assertThat(at(autoscaler, "spec", "scaleTargetRef", "kind")).as(service).isEqualTo(workload.get("kind"));
			assertThat((Integer) at(autoscaler, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
			assertThat((Integer) at(autoscaler, "spec", "maxReplicas")).isLessThanOrEqualTo(partitions);
			assertThat(labels).containsAllEntriesOf(mapAt(object("Service", service), "spec", "selector"));
		}
	}

	/**
	 * Kafka Streams keeps its stores under {@code UCJ_COUNTING_STATE_DIR}: on a claim of
	 * each pod's own (the root filesystem is read-only, an emptyDir is lost with the
	 * pod), with a standby of every task on another pod.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theAggregatorIsAStatefulSetWithItsStateOnAClaimOfEachPodAndAStandbyOfEveryTask() {
		Map<String, Object> statefulSet = workload("coverage-aggregator");
		Map<String, Object> container = container("coverage-aggregator");
		Object stateDir = env(container).get("UCJ_COUNTING_STATE_DIR");
		Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
			.filter((candidate) -> candidate.get("mountPath").equals(stateDir))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Nothing is mounted at UCJ_COUNTING_STATE_DIR " + stateDir));
		Map<String, Object> governing = object("Service", (String) at(statefulSet, "spec", "serviceName"));
		Object standbys = env(container).get("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS");

		assertThat(statefulSet.get("kind")).isEqualTo("StatefulSet");
		assertThat((List<Map<String, Object>>) container.get("env")).as("static membership under the pod's stable name")
			.filteredOn((variable) -> "UCJ_COUNTING_INSTANCE_ID".equals(variable.get("name")))
			.singleElement()
			.satisfies((variable) -> assertThat(at(variable, "valueFrom", "fieldRef", "fieldPath"))
				.isEqualTo("metadata.name"));
		assertThat(mount).doesNotContainEntry("readOnly", true);
		assertThat(listAt(statefulSet, "spec", "volumeClaimTemplates"))
			.filteredOn((claim) -> mount.get("name").equals(at(claim, "metadata", "name")))
			.singleElement()
			.satisfies((claim) -> {
				assertThat(at(claim, "spec", "accessModes")).isEqualTo(List.of("ReadWriteOnce"));
				assertThat(at(claim, "spec", "resources", "requests", "storage")).isNotNull();
			});
		assertThat(listAt(statefulSet, "spec", "template", "spec", "volumes"))
			.noneMatch((volume) -> mount.get("name").equals(volume.get("name")));
		assertThat(at(governing, "spec", "clusterIP")).isEqualTo("None");
		assertThat(mapAt(statefulSet, "spec", "template", "metadata", "labels"))
			.containsAllEntriesOf(mapAt(governing, "spec", "selector"));
		assertThat(standbys).as("num.standby.replicas").isNotNull();
		assertThat(Integer.parseInt(standbys.toString())).isGreaterThanOrEqualTo(1)
			.isLessThan((Integer) at(object("HorizontalPodAutoscaler", "coverage-aggregator"), "spec", "minReplicas"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void configurationComesFromConfigMapsAndSecretsFromTheSecretOnly() {
		for (String service : SERVICES) {
			Map<String, Object> container = container(service);
			List<Map<String, Object>> envFrom = (List<Map<String, Object>>) container.get("envFrom");

			assertThat(envFrom).extracting((source) -> at(source, "configMapRef", "name"))
				.containsExactly("ucj-config");
			for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
				String name = (String) variable.get("name");
				if (name.endsWith("_FILE")) {
					assertThat(mountedSecret(container, (String) variable.get("value"))).as(service + " " + name)
						.isEqualTo("ucj-secrets");
				}
				else if (name.matches(".*(KEY|SECRET|PASSWORD|MONGODB_URI).*")) {
					assertThat(variable).as(service + " " + name).doesNotContainKey("value");
					assertThat(at(variable, "valueFrom", "secretKeyRef", "name")).as(service + " " + name)
						.isEqualTo("ucj-secrets");
				}
				else if (variable.containsKey("valueFrom") && at(variable, "valueFrom", "fieldRef") != null) {
					// The pod's own name (the aggregator's static membership): no
					// configuration.
					assertThat(at(variable, "valueFrom", "fieldRef", "fieldPath")).as(service + " " + name)
						.isEqualTo("metadata.name");
				}
				else if (variable.containsKey("valueFrom")) {
					String configMap = (String) at(variable, "valueFrom", "configMapKeyRef", "name");
					assertThat(object("ConfigMap", configMap)).as(service + " " + name).isNotNull();
				}
			}
		}
		assertThat(objects).noneMatch((object) -> "Secret".equals(object.get("kind")));
		assertThat(env(container("enrollment-service"))).doesNotContainKey("UCJ_PSEUDONYM_KEY");
		assertThat(secretKeys("enrollment-service")).contains("pseudonym-key");
		assertThat(secretKeys("coverage-aggregator")).contains("mongodb-uri");
	}

	/**
	 * The console signs users in through the identity provider (its issuer and client id
	 * from a ConfigMap, its client secret from the Secret), calls the services by their
	 * Service names, and keeps a browser on one pod.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theConsoleSignsInThroughTheIdentityProviderAndCallsTheServicesInTheCluster() {
		Map<String, Object> container = container("console");
		Map<String, Object> env = env(container);

		assertThat(port(container)).isEqualTo(8084);
		assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
		assertThat(env).containsEntry("SERVER_PORT", "8084")
			.containsEntry("UCJ_AGGREGATOR_URL", "http://coverage-aggregator:8082")
			.containsEntry("UCJ_NOTIFICATION_URL", "http://notification-service:8083");
		assertThat(secretKeys("console")).contains("console-client-secret");
		Map<String, Object> oidc = (Map<String, Object>) object("ConfigMap", "ucj-console").get("data");
		assertThat(oidc).containsKeys("issuer-uri", "client-id");
		Map<String, Object> service = object("Service", "console");
		assertThat(at(service, "spec", "sessionAffinity")).isEqualTo("ClientIP");
		assertThat(object("PodDisruptionBudget", "console")).isNotNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aJobCreatesTheTopicsWithTheProductionPartitionsAndReplication() throws IOException {
		Map<String, Object> config = configMap("ucj-config");
		String script = Files.readString(BASE.resolve("create-topics.sh"));
		Matcher fallback = Pattern.compile("partitions=\"\\$\\{UCJ_TOPIC_PARTITIONS:-(\\d+)}\"").matcher(script);
		Map<String, Object> job = object("Job", "ucj-create-topics");
		Map<String, Object> container = listAt(job, "spec", "template", "spec", "containers").get(0);

		assertThat((String) container.get("image")).matches("apache/kafka:[0-9.]+");
		assertThat((List<Map<String, Object>>) container.get("env"))
			.extracting((variable) -> variable.get("name") + "=" + at(variable, "valueFrom", "configMapKeyRef", "key"))
			.contains("UCJ_TOPIC_PARTITIONS=UCJ_TOPICS_PARTITIONS", "UCJ_TOPIC_REPLICAS=UCJ_TOPICS_REPLICAS",
					"UCJ_TOPIC_MIN_INSYNC=UCJ_TOPICS_MIN_INSYNC");
		assertThat(config).containsEntry("UCJ_TOPICS_REPLICAS", "3").containsEntry("UCJ_TOPICS_MIN_INSYNC", "2");
		assertThat(fallback.find()).as("the script's default partition count").isTrue();
		assertThat(config.get("UCJ_TOPICS_PARTITIONS")).isEqualTo(fallback.group(1))
			.isEqualTo(Repository.topicPartitionsOf("coverage-aggregator"));
		// Kafka Streams and the aggregator create the counting job's own topics.
		assertThat(script).doesNotContainPattern("create\\s+\"?coverage-aggregator-streams");
	}

	/** The Secret whose volume holds this file, or null. */
	@SuppressWarnings("unchecked")
	private static Object mountedSecret(Map<String, Object> container, String file) {
		for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
			if (file.startsWith(mount.get("mountPath") + "/")) {
				String service = (String) container.get("name");
				List<Map<String, Object>> volumes = (List<Map<String, Object>>) at(workload(service), "spec",
						"template", "spec", "volumes");
				return volumes.stream()
					.filter((volume) -> mount.get("name").equals(volume.get("name")))
					.map((volume) -> at(volume, "secret", "secretName"))
					.findFirst()
					.orElse(null);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> secretKeys(String service) {
		return ((List<Map<String, Object>>) container(service).get("env")).stream()
			.map((variable) -> (String) at(variable, "valueFrom", "secretKeyRef", "key"))
			.filter(Objects::nonNull)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> env(Map<String, Object> container) {
		Map<String, Object> values = new java.util.HashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
			if (variable.containsKey("value")) {
				values.put((String) variable.get("name"), variable.get("value"));
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static int port(Map<String, Object> container) {
		return (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(String service) {
		List<Map<String, Object>> containers = listAt(workload(service), "spec", "template", "spec", "containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	/** The service's one Deployment or StatefulSet. */
	private static Map<String, Object> workload(String name) {
		List<Map<String, Object>> workloads = objects.stream()
			.filter((object) -> List.of("Deployment", "StatefulSet").contains(object.get("kind"))
					&& name.equals(at(object, "metadata", "name")))
			.toList();
		assertThat(workloads).as("Deployments and StatefulSets named " + name).hasSize(1);
		return workloads.get(0);
	}

	private static Map<String, Object> configMap(String name) {
		Map<String, Object> data = mapAt(object("ConfigMap", name), "data");
		return data;
	}

	private static Map<String, Object> object(String kind, String name) {
		return objects.stream()
			.filter((object) -> kind.equals(object.get("kind")) && name.equals(at(object, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + BASE));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mapAt(Map<String, Object> object, String... path) {
		return (Map<String, Object>) at(object, path);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> listAt(Map<String, Object> object, String... path) {
		return (List<Map<String, Object>>) at(object, path);
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> object, String... path) {
		Object current = object;
		for (String key : path) {
			if (!(current instanceof Map)) {
				return null;
			}
			current = ((Map<String, Object>) current).get(key);
		}
		return current;
	}

}
