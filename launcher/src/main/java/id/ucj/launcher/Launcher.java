package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system on this machine: the infrastructure (embedded unless {@code KAFKA_BOOTSTRAP_SERVERS}
 * or {@code MONGODB_URI} names a real one), then each service on its default port; prints where everything is; stops it all,
 * in reverse order, on Ctrl-C or SIGTERM.
 */
public final class Launcher {

	private static final Logger log = LoggerFactory.getLogger(Launcher.class);

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());

	public static void main(String[] args) throws Exception {
		new Launcher().run(LauncherSettings.fromEnvironment());
	}

	void run(LauncherSettings settings) throws Exception {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopAll();
			stopped.countDown();
		}, "launcher-shutdown"));
		Files.createDirectories(settings.dataDir());

		String kafka = settings.kafkaBootstrapServers();
		if (kafka == null) {
			log.info("Starting the embedded Kafka broker (KRaft) on 127.0.0.1:{}", settings.kafkaPort());
			LocalKafka localKafka = LocalKafka.start(settings.dataDir(), settings.kafkaPort(), settings.kafkaControllerPort());
			this.running.add(localKafka);
			kafka = localKafka.bootstrapServers();
		}

		String mongo = settings.mongoUri();
		if (mongo == null) {
			log.info("Starting the embedded MongoDB-compatible store on 127.0.0.1:{}", settings.mongoPort());
			LocalMongo localMongo = LocalMongo.start(settings.dataDir(), settings.mongoPort());
			this.running.add(localMongo);
			mongo = localMongo.uri();
		}

		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", mongo, "UCJ_DATA_DIR",
				settings.dataDir().toAbsolutePath().toString());
		List<ServiceProcess> services = new ArrayList<>();
		for (LauncherSettings.Service service : settings.services()) {
			log.info("Starting {} on port {}", service.name(), service.port());
			ServiceProcess process = ServiceProcess.start(service.name(), service.jar(), service.port(), environment,
					settings.dataDir().resolve("logs"), settings.dataDir().resolve("run"));
			this.running.add(process);
			services.add(process);
		}
		for (ServiceProcess service : services) {
			service.awaitReady(READY_TIMEOUT);
		}
		printWhereEverythingIs(kafka, mongo, services, settings.dataDir());
		stopped.await();
	}

	private static void printWhereEverythingIs(String kafka, String mongo, List<ServiceProcess> services, Path dataDir) {
		StringBuilder summary = new StringBuilder("\n\nUCJ Coverage is running. Ctrl-C stops it.\n\n");
		for (ServiceProcess service : services) {
			summary.append(String.format("  %-22s %s  (health %s/actuator/health, metrics %s/actuator/prometheus, log %s)%n",
					service.name(), service.url(), service.url(), service.url(), service.log()));
		}
		summary.append(String.format("  %-22s %s%n", "Kafka", kafka));
		summary.append(String.format("  %-22s %s%n", "MongoDB", mongo.replaceAll("//[^@/]*@", "//")));
		summary.append(String.format("  %-22s %s%n", "data directory", dataDir.toAbsolutePath()));
		log.info(summary.toString());
	}

	private void stopAll() {
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		Collections.reverse(reversed);
		for (AutoCloseable component : reversed) {
			try {
				component.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {} cleanly: {}", component, ex.toString());
			}
		}
		this.running.clear();
	}

}
