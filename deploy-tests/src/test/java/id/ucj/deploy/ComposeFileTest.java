package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose/docker-compose.yml} as {@code docker-compose config} (Debian's
 * package) resolves it: it must be accepted, refuse to start without its secrets, and
 * describe the real infrastructure the issue asks for.
 */
class ComposeFileTest {

	private static final Path FILE = Repository.DEPLOY.resolve("compose/docker-compose.yml");

	private static ExternalTool dockerCompose;

	@BeforeAll
	static void findDockerCompose() {
		dockerCompose = ExternalTool.require("docker-compose", "docker-compose");
	}

	@Test
	void isAcceptedByDockerComposeOnceItsSecretsAreSet() {
		assertThat(resolved()).containsKeys("services", "volumes");
	}

	@Test
	void refusesToStartWithoutAPseudonymKeyRatherThanUseADefaultOne() {
		Command.Result result = Command.run(Duration.ofMinutes(1), Repository.ROOT, "env", "-u", "UCJ_PSEUDONYM_KEY",
				"GRAFANA_ADMIN_PASSWORD=development-only", "UCJ_API_KEYS_FILE=/dev/null",
				"UCJ_READER_KEY_FILE=/dev/null", "UCJ_CONSOLE_SECRETS=/dev", dockerCompose.command(), "-f",
				FILE.toString(), "config", "-q");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("UCJ_PSEUDONYM_KEY");
	}

	@Test
	void givesTheServicesTheKeyHashesAndPrometheusAReaderKeyFromSecrets() {
		Map<String, Map<String, Object>> services = services();

		for (String service : List.of("enrollment-service", "coverage-aggregator", "notification-service")) {
			assertThat(services.get(service).get("secrets").toString()).as(service).contains("ucj_api_keys");
			assertThat(environment(services.get(service))).as(service)
				.containsEntry("UCJ_KEYS_FILE", "/run/secrets/ucj_api_keys");
		}
		assertThat(services.get("prometheus").get("secrets").toString()).contains("ucj_reader_key");
	}

	/**
	 * The console is built like the services, reads its users and signing key from
	 * secrets, calls the services inside the network, and the services verify its tokens
	 * with the public key.
	 */
	@Test
	void runsTheConsoleWithItsUsersAndSigningKeyFromSecretsAndTheServicesTrustItsKey() {
		Map<String, Map<String, Object>> services = services();
		Map<String, Object> console = services.get("console");

		assertThat(console).containsKey("build");
		assertThat(console.get("secrets").toString()).contains("ucj_console_users", "ucj_console_signing_key");
		assertThat(environment(console)).containsEntry("UCJ_AGGREGATOR_URL", "http://coverage-aggregator:8082")
			.containsEntry("UCJ_NOTIFICATION_URL", "http://notification-service:8083")
			.containsEntry("UCJ_CONSOLE_USERS_FILE", "/run/secrets/ucj_console_users")
			.containsEntry("SERVER_PORT", "8084");
		assertThat(console.get("ports").toString()).contains("8084");
		for (String service : List.of("enrollment-service", "coverage-aggregator", "notification-service")) {
			assertThat(services.get(service).get("secrets").toString()).as(service).contains("ucj_console_public_key");
			assertThat(environment(services.get(service))).as(service)
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
						"file:/run/secrets/ucj_console_public_key");
		}
	}

	@Test
	void runsThreeKraftBrokersWithReplicationFactorThreeAndTwoInSyncReplicas() {
		Map<String, Map<String, Object>> services = services();
		List<String> brokers = services.keySet().stream().filter((name) -> name.matches("kafka-\\d")).toList();

		assertThat(brokers).hasSize(3);
		for (String broker : brokers) {
			Map<String, Object> service = services.get(broker);
			Map<String, Object> environment = environment(service);
			assertThat(pinned(service)).startsWith("apache/kafka:");
			assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
		}
		assertThat(environment(services.get("kafka-init"))).containsEntry("UCJ_TOPIC_REPLICAS", "3")
			.containsEntry("UCJ_TOPIC_MIN_INSYNC", "2");
	}

	@Test
	void runsAThreeMemberMongoReplicaSetThatInitiatesItself() {
		Map<String, Map<String, Object>> services = services();
		List<String> members = services.keySet().stream().filter((name) -> name.matches("mongo-\\d")).toList();

		assertThat(members).hasSize(3).allSatisfy((member) -> {
			assertThat(pinned(services.get(member))).startsWith("mongo:");
			assertThat(services.get(member).get("command").toString()).contains("--replSet", "rs0");
		});
		assertThat(services.get("mongo-init").get("command").toString()).contains("init-replica-set.js");
		assertThat(environment(services.get("coverage-aggregator")).get("MONGODB_URI").toString())
			.contains("mongo-1:27017,mongo-2:27017,mongo-3:27017", "replicaSet=rs0");
	}

	@Test
	void buildsTheServicesFromThisRepositoryAndRunsPrometheusAlertmanagerAndGrafanaProvisioned() {
		Map<String, Map<String, Object>> services = services();

		for (String name : List.of("enrollment-service", "coverage-aggregator", "notification-service")) {
			assertThat(services.get(name)).containsKey("build");
			assertThat(environment(services.get(name))).containsEntry("KAFKA_BOOTSTRAP_SERVERS",
					"kafka-1:9092,kafka-2:9092,kafka-3:9092");
		}
		for (String name : List.of("prometheus", "alertmanager", "grafana")) {
			assertThat(pinned(services.get(name))).isNotNull();
		}
		assertThat(services.get("prometheus").get("volumes").toString()).contains("deploy/prometheus:/etc/prometheus");
		assertThat(services.get("grafana").get("volumes").toString()).contains(
				"deploy/grafana/provisioning:/etc/grafana/provisioning",
				"deploy/grafana/dashboards:/var/lib/grafana/dashboards");
	}

	/**
	 * A topic gets the same partitions whoever creates it first (the topic job, a broker,
	 * a service), and the aggregator's Kafka Streams stores outlive its container: a
	 * named volume at its state directory, which the image creates for the service's
	 * user.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void createsTopicsWithTheServicesPartitionsAndKeepsTheAggregatorsStateOnANamedVolume() throws IOException {
		Map<String, Map<String, Object>> services = services();
		Map<String, Object> aggregator = services.get("coverage-aggregator");
		String partitions = Repository.topicPartitionsOf("coverage-aggregator");
		Object stateDir = environment(aggregator).get("UCJ_COUNTING_STATE_DIR");

		assertThat(environment(services.get("kafka-init"))).containsEntry("UCJ_TOPIC_PARTITIONS", partitions);
		for (String name : services.keySet()) {
			Map<String, Object> environment = environment(services.get(name));
			if (name.matches("kafka-\\d")) {
				assertThat(environment).as(name).containsEntry("KAFKA_NUM_PARTITIONS", partitions);
			}
			else if (environment != null && environment.containsKey("UCJ_TOPICS_PARTITIONS")) {
				assertThat(environment).as(name).containsEntry("UCJ_TOPICS_PARTITIONS", partitions);
			}
		}
		assertThat(stateDir).as("UCJ_COUNTING_STATE_DIR").isNotNull();
		assertThat((List<String>) aggregator.get("volumes")).as("coverage-aggregator's volumes")
			.isNotNull()
			.filteredOn((volume) -> volume.split(":")[1].equals(stateDir))
			.singleElement()
			.satisfies((volume) -> assertThat(((Map<String, Object>) resolved().get("volumes")))
				.containsKey(volume.split(":")[0]));
		assertThat(Files.readString(Repository.DEPLOY.resolve("docker/Dockerfile")))
			.containsPattern("install -d -o ucj -g ucj -m 0?7[0-7]0 " + stateDir + "\\s");
	}

	/** The image with an explicit version: never {@code latest}, never a bare name. */
	private static String pinned(Map<String, Object> service) {
		String image = (String) service.get("image");
		assertThat(image).matches("[a-z0-9./_-]+:[0-9][A-Za-z0-9._-]*|[a-z0-9./_-]+:v[0-9][A-Za-z0-9._-]*");
		return image;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) resolved().get("services");
	}

	private static Map<String, Object> resolved() {
		Command.Result result = Command.run(Duration.ofMinutes(1), Repository.ROOT, "env",
				"UCJ_PSEUDONYM_KEY=development-only-not-a-key", "GRAFANA_ADMIN_PASSWORD=development-only",
				"UCJ_API_KEYS_FILE=/dev/null", "UCJ_READER_KEY_FILE=/dev/null", "UCJ_CONSOLE_SECRETS=/dev",
				dockerCompose.command(), "-f", FILE.toString(), "config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		return new Yaml().load(result.output());
	}

}
