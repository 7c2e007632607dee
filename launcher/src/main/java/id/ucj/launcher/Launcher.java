package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Starts the whole system on this machine: the infrastructure (embedded unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} names a real one), then each
 * service on its default port, bound to 127.0.0.1 unless {@code UCJ_BIND_ADDRESS} says
 * otherwise; prints where everything is and the local keys; stops it all, in reverse
 * order, on Ctrl-C or SIGTERM. Only one launcher runs on a data directory.
 */
@Command(name = "ucj-launcher", mixinStandardHelpOptions = true,
		subcommands = { KeysCommand.class, RecountCommand.class },
		description = "Runs UCJ Coverage on this machine (embedded Kafka and MongoDB-compatible store unless "
				+ "KAFKA_BOOTSTRAP_SERVERS or MONGODB_URI name real ones). 'keys add' adds an API key; 'recount' counts "
				+ "everything again from participant-events.")
public final class Launcher implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(Launcher.class);

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * The aggregator's name in its counting job's group: one stable name, so that an
	 * aggregator restarted after a crash takes its tasks back at once rather than after
	 * its old session times out.
	 */
	static final String INSTANCE_ID = "UCJ_COUNTING_INSTANCE_ID";

	/** The services' partition count for the topics they create, as Spring reads it. */
	static final String PARTITIONS = "UCJ_TOPICS_PARTITIONS";

	/**
	 * Partitions on one machine: the services' 24 leave room for 24 aggregator instances,
	 * which one machine never runs, and cost a task (two state stores) each; six keep the
	 * one aggregator's tasks few.
	 */
	static final int ONE_MACHINE_PARTITIONS = 6;

	private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());

	public static void main(String[] args) {
		System.exit(new CommandLine(new Launcher()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		LauncherSettings settings = LauncherSettings.fromEnvironment();
		try (LauncherLock lock = LauncherLock.acquire(settings.dataDir())) {
			run(settings);
			return 0;
		}
		catch (LauncherLock.AlreadyRunning ex) {
			System.err.println(ex.getMessage());
			return 3;
		}
	}

	private void run(LauncherSettings settings) throws Exception {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopAll();
			stopped.countDown();
		}, "launcher-shutdown"));
		Files.createDirectories(settings.dataDir());

		String kafka = settings.kafkaBootstrapServers();
		if (kafka == null) {
			log.info("Starting the embedded Kafka broker (KRaft) on 127.0.0.1:{}", settings.kafkaPort());
			LocalKafka localKafka = LocalKafka.start(settings.dataDir(), settings.kafkaPort(),
					settings.kafkaControllerPort());
			this.running.add(localKafka);
			kafka = localKafka.bootstrapServers();
		}

		Map<String, String> environment = new HashMap<>();
		String mongo = settings.mongoUri();
		if (mongo == null) {
			log.info("Starting the embedded MongoDB-compatible store on 127.0.0.1:{}", settings.mongoPort());
			LocalMongo localMongo = LocalMongo.start(settings.dataDir(), settings.mongoPort());
			this.running.add(localMongo);
			mongo = localMongo.uri();
		}

		if (System.getenv(INSTANCE_ID) == null) {
			environment.put(INSTANCE_ID, "local");
		}
		if (System.getenv(PARTITIONS) == null) {
			environment.put(PARTITIONS, Integer.toString(ONE_MACHINE_PARTITIONS));
		}
		LocalKeys keys = LocalKeys.prepare(settings.dataDir(), System.getenv());
		environment.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", mongo, "UCJ_DATA_DIR",
				settings.dataDir().toAbsolutePath().toString(), "UCJ_KEYS_FILE",
				KeysFile.in(settings.dataDir()).path().toAbsolutePath().toString(), "UCJ_API_DOCS", "true"));
		List<ServiceProcess> services = new ArrayList<>();
		for (LauncherSettings.Service service : settings.services()) {
			log.info("Starting {} on {}:{}", service.name(), settings.bindAddress(), service.port());
			ServiceProcess process = ServiceProcess.start(service.name(), service.jar(), settings.bindAddress(),
					service.port(), environment, settings.dataDir().resolve("logs"), settings.dataDir().resolve("run"));
			this.running.add(process);
			services.add(process);
		}
		for (ServiceProcess service : services) {
			service.awaitReady(READY_TIMEOUT);
		}
		printWhereEverythingIs(kafka, mongo, services, settings.dataDir(), keys);
		stopped.await();
	}

	private static void printWhereEverythingIs(String kafka, String mongo, List<ServiceProcess> services, Path dataDir,
			LocalKeys keys) {
		StringBuilder summary = new StringBuilder("\n\nUCJ Coverage is running. Ctrl-C stops it.\n\n");
		for (ServiceProcess service : services) {
			summary.append(String.format(
					"  %-22s %s  (health %s/actuator/health, metrics %s/actuator/prometheus, API %s/swagger-ui.html, log %s)%n",
					service.name(), service.url(), service.url(), service.url(), service.url(), service.log()));
		}
		summary.append(String.format("  %-22s %s%n", "Kafka", kafka));
		summary.append(String.format("  %-22s %s%n", "MongoDB", mongo.replaceAll("//[^@/]*@", "//")));
		summary.append(String.format("  %-22s %s%n", "data directory", dataDir.toAbsolutePath()));
		summary.append(String.format(
				"%n  API keys (Authorization: Bearer <key>), each for all areas; kept in %s (mode 0600):%n",
				keys.file().toAbsolutePath()));
		keys.byVariable()
			.forEach((variable, key) -> summary.append(String.format("    %-18s %s%n", variable,
					keys.generated().contains(variable) ? key + "   <- generated now, shown once" : "(as before)")));
		summary.append(String.format(
				"  More keys: java -jar launcher/target/ucj-launcher.jar keys add --client NAME --role ROLE --areas 15.03%n"));
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
