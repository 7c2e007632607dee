package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the launcher runs and where, from environment variables (all optional).
 *
 * @param kafkaBootstrapServers a real Kafka cluster to use instead of the embedded broker
 * @param mongoUri a real MongoDB to use instead of the embedded store
 * @param bindAddress where the services listen: 127.0.0.1 unless {@code UCJ_BIND_ADDRESS}
 * says otherwise
 */
record LauncherSettings(Path dataDir, String kafkaBootstrapServers, int kafkaPort, int kafkaControllerPort,
		String mongoUri, int mongoPort, String bindAddress, List<Service> services) {

	record Service(String name, Path jar, int port) {
	}

	static LauncherSettings fromEnvironment() {
		Path dataDir = dataDirFromEnvironment();
		Path services = serviceJars();
		return new LauncherSettings(dataDir, env("KAFKA_BOOTSTRAP_SERVERS", null),
				Integer.parseInt(env("UCJ_KAFKA_PORT", "9092")),
				Integer.parseInt(env("UCJ_KAFKA_CONTROLLER_PORT", "9093")), env("MONGODB_URI", null),
				Integer.parseInt(env("UCJ_MONGO_PORT", "27017")), env("UCJ_BIND_ADDRESS", "127.0.0.1"),
				List.of(new Service("enrollment-service", services.resolve("enrollment-service.jar"),
						Integer.parseInt(env("ENROLLMENT_PORT", "8081"))),
						new Service("coverage-aggregator", services.resolve("coverage-aggregator.jar"),
								Integer.parseInt(env("AGGREGATOR_PORT", "8082"))),
						new Service("notification-service", services.resolve("notification-service.jar"),
								Integer.parseInt(env("NOTIFICATION_PORT", "8083")))));
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
