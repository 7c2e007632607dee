package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher runs and where, from environment variables (all optional).
 *
 * @param kafkaBootstrapServers a real Kafka cluster to use instead of the embedded broker
 * @param mongoUri a real MongoDB to use instead of the embedded store
 * @param bindAddress where the services listen: 127.0.0.1 unless {@code UCJ_BIND_ADDRESS}
 * says otherwise
 * @param services what runs, in order: enrollment-service, the aggregator's instances
 * ({@code UCJ_AGGREGATOR_INSTANCES}, one unless it says more), notification-service, the
 * web console
 */
record LauncherSettings(Path dataDir, String kafkaBootstrapServers, int kafkaPort, int kafkaControllerPort,
		String mongoUri, int mongoPort, String bindAddress, List<Service> services) {

	static final String CONSOLE = "console";

	/** The most aggregator instances one machine runs: one per partition it makes. */
	static final int MAX_AGGREGATOR_INSTANCES = Launcher.ONE_MACHINE_PARTITIONS;

	/**
	 * A service the launcher runs.
	 *
	 * @param environment what this one process gets beyond what every service gets
	 */
	record Service(String name, Path jar, int port, Map<String, String> environment) {
	}

	static LauncherSettings fromEnvironment() {
		Path dataDir = dataDirFromEnvironment();
		Path jars = serviceJars();
		List<Service> services = new ArrayList<>();
		services.add(new Service("enrollment-service", jars.resolve("enrollment-service.jar"),
				Integer.parseInt(env("ENROLLMENT_PORT", "8081")), Map.of()));
		services.add(new Service("coverage-aggregator", jars.resolve("coverage-aggregator.jar"),
				Integer.parseInt(env("AGGREGATOR_PORT", "8082")), Map.of()));
		for (int instance = 2; instance <= aggregatorInstances(); instance++) {
			services.add(aggregatorInstance(instance, jars, dataDir));
		}
		services.add(new Service("notification-service", jars.resolve("notification-service.jar"),
				Integer.parseInt(env("NOTIFICATION_PORT", "8083")), Map.of()));
		services.add(new Service(CONSOLE, jars.resolve("console.jar"), Integer.parseInt(env("CONSOLE_PORT", "8084")),
				Map.of()));
		return new LauncherSettings(dataDir, env("KAFKA_BOOTSTRAP_SERVERS", null),
				Integer.parseInt(env("UCJ_KAFKA_PORT", "9092")),
				Integer.parseInt(env("UCJ_KAFKA_CONTROLLER_PORT", "9093")), env("MONGODB_URI", null),
				Integer.parseInt(env("UCJ_MONGO_PORT", "27017")), env("UCJ_BIND_ADDRESS", "127.0.0.1"),
				List.copyOf(services));
	}

	private static int aggregatorInstances() {
		String value = env("UCJ_AGGREGATOR_INSTANCES", "1");
		try {
			int instances = Integer.parseInt(value.trim());
			if (instances >= 1 && instances <= MAX_AGGREGATOR_INSTANCES) {
				return instances;
			}
		}
		catch (NumberFormatException ex) {
			// Said below.
		}
		throw new IllegalArgumentException("UCJ_AGGREGATOR_INSTANCES must be a whole number from 1 to "
				+ MAX_AGGREGATOR_INSTANCES + " (one per partition at most), not '" + value + "'");
	}

	/**
	 * Another instance of the aggregator: its own port ({@code AGGREGATOR_<n>_PORT}, 8090
	 * + n unless it says otherwise), its own name in the counting job's group and its own
	 * state directory; the group shares the partitions out among the instances.
	 */
	private static Service aggregatorInstance(int instance, Path jars, Path dataDir) {
		String name = "coverage-aggregator-" + instance;
		String instanceId = env(Launcher.INSTANCE_ID, "local") + "-" + instance;
		Path stateDir = dataDir.toAbsolutePath().resolve(name).resolve("state");
		return new Service(name, jars.resolve("coverage-aggregator.jar"),
				Integer.parseInt(env("AGGREGATOR_" + instance + "_PORT", Integer.toString(8090 + instance))),
				Map.of(Launcher.INSTANCE_ID, instanceId, "UCJ_COUNTING_STATE_DIR", stateDir.toString()));
	}

	/**
	 * The service of that name; the launcher always runs each of the three and the
	 * console.
	 */
	Service service(String name) {
		return this.services.stream().filter((service) -> service.name().equals(name)).findFirst().orElseThrow();
	}

	static Path dataDirFromEnvironment() {
		return Path.of(env("UCJ_DATA_DIR", "var"));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * The services' jars, which the build copies next to the launcher's own jar
	 * ({@code java -jar} sets the class path to it).
	 */
	private static Path serviceJars() {
		String configured = System.getenv("UCJ_SERVICES_DIR");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path launcherJar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
			.toAbsolutePath();
		Path nextToIt = launcherJar.getParent().resolve("services");
		return Files.isDirectory(nextToIt) ? nextToIt : Path.of("launcher", "target", "services");
	}

}
