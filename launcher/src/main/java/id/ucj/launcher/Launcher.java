package id.ucj.launcher;

import java.net.URI;
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
		subcommands = { KeysCommand.class, UsersCommand.class, RecountCommand.class, ServeCommand.Kafka.class,
				ServeCommand.Store.class },
		description = "Runs UCJ Coverage on this machine (embedded Kafka and MongoDB-compatible store unless "
				+ "KAFKA_BOOTSTRAP_SERVERS or MONGODB_URI name real ones). 'keys add' adds an API key; 'users add' a console "
				+ "user; 'recount' counts everything again from participant-events.")
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

	/** How long the services have to stop after SIGTERM before they are killed. */
	static final Duration SERVICES_STOP = Duration.ofSeconds(6);

	/** How long the broker and the store have, once the services have stopped. */
	static final Duration INFRASTRUCTURE_STOP = Duration.ofSeconds(3);

	private final List<Supervised> infrastructure = Collections.synchronizedList(new ArrayList<>());

	private final List<Supervised> services = Collections.synchronizedList(new ArrayList<>());

	public static void main(String[] args) {
		System.exit(new CommandLine(new Launcher()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		LauncherSettings settings;
		try {
			settings = LauncherSettings.fromEnvironment();
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		try (LauncherLock lock = LauncherLock.acquire(settings.dataDir())) {
			run(settings);
			return 0;
		}
		catch (LauncherLock.AlreadyRunning ex) {
			System.err.println(ex.getMessage());
			return 3;
		}
		catch (NotStarted ex) {
			// Said in one line already, by the part that did not start; everything else
			// is
			// stopped.
			return 1;
		}
	}

	private void run(LauncherSettings settings) throws Exception {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopAll();
			stopped.countDown();
		}, "launcher-shutdown"));
		Files.createDirectories(settings.dataDir());
		Path logs = settings.dataDir().resolve("logs");
		Path run = settings.dataDir().resolve("run");

		String kafka = settings.kafkaBootstrapServers();
		if (kafka == null) {
			log.info("Starting the embedded Kafka broker (KRaft) on 127.0.0.1:{}", settings.kafkaPort());
			this.infrastructure.add(Supervised.start(new ChildProcess("kafka", launcherCommand("kafka", "1g"), Map.of(),
					ChildProcess.Readiness.port(settings.kafkaPort()), logs, run), RestartPolicy.DEFAULT));
			kafka = "127.0.0.1:" + settings.kafkaPort();
		}
		String mongo = settings.mongoUri();
		if (mongo == null) {
			log.info("Starting the embedded MongoDB-compatible store on 127.0.0.1:{}", settings.mongoPort());
			this.infrastructure.add(Supervised.start(new ChildProcess("store", launcherCommand("store", "1536m"),
					Map.of(), ChildProcess.Readiness.port(settings.mongoPort()), logs, run), RestartPolicy.DEFAULT));
			mongo = LocalMongo.uri(settings.mongoPort());
		}
		awaitReady(this.infrastructure);

		Map<String, String> environment = new HashMap<>();
		if (System.getenv(INSTANCE_ID) == null) {
			environment.put(INSTANCE_ID, "local");
		}
		if (System.getenv(PARTITIONS) == null) {
			environment.put(PARTITIONS, Integer.toString(ONE_MACHINE_PARTITIONS));
		}
		LocalKeys keys = LocalKeys.prepare(settings.dataDir(), System.getenv());
		ConsoleAccess console = ConsoleAccess.prepare(settings.dataDir());
		if (System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") == null
				&& System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI") == null) {
			environment.putAll(console.servicesEnvironment());
		}
		environment.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", mongo, "UCJ_DATA_DIR",
				settings.dataDir().toAbsolutePath().toString(), "UCJ_KEYS_FILE",
				KeysFile.in(settings.dataDir()).path().toAbsolutePath().toString(), "UCJ_API_DOCS", "true"));
		for (LauncherSettings.Service service : settings.services()) {
			log.info("Starting {} on {}:{}", service.name(), settings.bindAddress(), service.port());
			List<String> command = List.of("-XX:+UseSerialGC", "-Xss512k", "-jar", service.jar().toString(),
					"--server.port=" + service.port(), "--server.address=" + settings.bindAddress());
			Map<String, String> own = new HashMap<>(environment);
			own.putAll(service.environment());
			if (service.name().equals(LauncherSettings.CONSOLE)) {
				own.putAll(console.consoleEnvironment(url(settings.service("coverage-aggregator")),
						url(settings.service("notification-service"))));
			}
			this.services.add(Supervised.start(new ChildProcess(service.name(), command, own,
					ChildProcess.Readiness.http(URI.create(url(service))), logs, run), RestartPolicy.DEFAULT));
		}
		awaitReady(this.services);
		printWhereEverythingIs(kafka, mongo, settings, keys, console.withFirstAdmin());
		stopped.await();
	}

	/**
	 * Waits for each part's first readiness; one that gave up, or took too long, ends the
	 * start: everything is stopped, with one line saying why.
	 */
	private void awaitReady(List<Supervised> parts) throws InterruptedException {
		for (Supervised part : List.copyOf(parts)) {
			try {
				part.awaitReady(READY_TIMEOUT);
			}
			catch (IllegalStateException ex) {
				log.error("Not started: {}", ex.getMessage());
				throw new NotStarted();
			}
		}
	}

	/** A part did not start: the launcher stops what did. */
	private static final class NotStarted extends RuntimeException {

		NotStarted() {
			super(null, null, false, false);
		}

	}

	private static String url(LauncherSettings.Service service) {
		return "http://127.0.0.1:" + service.port();
	}

	/**
	 * This launcher again, with a hidden command that serves one part of the
	 * infrastructure: from its executable jar, or from the class path it was started
	 * with.
	 */
	private static List<String> launcherCommand(String command, String heap) {
		String classPath = System.getProperty("java.class.path");
		List<String> arguments = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx" + heap));
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			arguments.addAll(List.of("-jar", classPath));
		}
		else {
			arguments.addAll(List.of("-cp", classPath, Launcher.class.getName()));
		}
		arguments.add(command);
		return arguments;
	}

	private static void printWhereEverythingIs(String kafka, String mongo, LauncherSettings settings, LocalKeys keys,
			ConsoleAccess console) {
		Path dataDir = settings.dataDir();
		Path logs = dataDir.resolve("logs");
		StringBuilder summary = new StringBuilder(
				"\n\nUCJ Coverage is running; a part that exits is started again. Ctrl-C stops it.\n\n");
		for (LauncherSettings.Service service : settings.services()) {
			String url = url(service);
			if (service.name().equals(LauncherSettings.CONSOLE)) {
				summary.append(String.format("  %-22s %s  (the web console; log %s)%n", service.name(), url,
						logs.resolve(service.name() + ".log")));
				continue;
			}
			summary.append(String.format(
					"  %-22s %s  (health %s/actuator/health, metrics %s/actuator/prometheus, API %s/swagger-ui.html, log %s)%n",
					service.name(), url, url, url, url, logs.resolve(service.name() + ".log")));
		}
		summary.append(String.format("  %-22s %s%s%n", "Kafka", kafka,
				(settings.kafkaBootstrapServers() == null) ? "  (log " + logs.resolve("kafka.log") + ")" : ""));
		summary.append(String.format("  %-22s %s%s%n", "MongoDB", mongo.replaceAll("//[^@/]*@", "//"),
				(settings.mongoUri() == null) ? "  (log " + logs.resolve("store.log") + ")" : ""));
		summary.append(String.format("  %-22s %s%n", "data directory", dataDir.toAbsolutePath()));
		summary.append(String.format(
				"%n  API keys (Authorization: Bearer <key>), each for all areas; kept in %s (mode 0600):%n",
				keys.file().toAbsolutePath()));
		keys.byVariable()
			.forEach((variable, key) -> summary.append(String.format("    %-18s %s%n", variable,
					keys.generated().contains(variable) ? key + "   <- generated now, shown once" : "(as before)")));
		summary.append(String.format(
				"  More keys: java -jar launcher/target/ucj-launcher.jar keys add --client NAME --role ROLE --areas 15.03%n"));
		summary.append(String.format("%n  Web console %s, sign in as %s (all areas): %s%n",
				url(settings.service(LauncherSettings.CONSOLE)), console.firstAdmin(),
				(console.firstAdminPassword() != null)
						? "password " + console.firstAdminPassword() + "   <- generated now, shown once"
						: "(password as printed at the first start; 'users add --login admin --role admin --areas *' "
								+ "gives it a new one)"));
		summary.append(String.format(
				"  More users: java -jar launcher/target/ucj-launcher.jar users add --login NAME --role admin|reader --areas 15%n"));
		log.info(summary.toString());
	}

	/**
	 * The services first, all at once, then the broker and the store: within
	 * {@link #SERVICES_STOP} plus {@link #INFRASTRUCTURE_STOP}. A part still running then
	 * is killed, which loses nothing: what a client was told is accepted is in Kafka, and
	 * counting commits its work with its offsets.
	 */
	private void stopAll() {
		long started = System.nanoTime();
		stop(this.services, SERVICES_STOP);
		stop(this.infrastructure, INFRASTRUCTURE_STOP);
		log.info("Stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private static void stop(List<Supervised> parts, Duration grace) {
		List<Supervised> stopping;
		synchronized (parts) {
			stopping = new ArrayList<>(parts);
			parts.clear();
		}
		stopping.forEach(Supervised::beginStop);
		long deadline = System.nanoTime() + grace.toNanos();
		for (Supervised part : stopping) {
			if (!part.awaitStopped(deadline)) {
				log.warn("{} did not stop within {}s; killed it", part.name(), grace.toSeconds());
			}
		}
	}

}
