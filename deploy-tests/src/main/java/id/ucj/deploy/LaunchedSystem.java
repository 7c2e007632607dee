package id.ucj.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole system as a newcomer starts it
 * ({@code java -jar launcher/target/ucj-launcher.jar}): embedded Kafka broker, embedded
 * MongoDB-compatible store, the three services and the console, each on a free loopback
 * port, with its data in a directory of its own.
 */
final class LaunchedSystem implements AutoCloseable {

	static final String READY = "UCJ Coverage is running";

	/** The three services, each exporting metrics and scraped by Prometheus. */
	final Map<String, Integer> servicePorts = new LinkedHashMap<>();

	/** The console: a web application for people, outside the scrape jobs. */
	final int consolePort = FreePorts.next();

	final int kafkaPort = FreePorts.next();

	final int mongoPort = FreePorts.next();

	private final Path directory;

	private final Path log;

	private final Process process;

	private LaunchedSystem(Path directory, Map<String, String> extraEnvironment) throws IOException {
		this.directory = directory;
		this.log = directory.resolve("launcher.log");
		this.servicePorts.put("enrollment-service", FreePorts.next());
		this.servicePorts.put("coverage-aggregator", FreePorts.next());
		this.servicePorts.put("notification-service", FreePorts.next());
		ProcessBuilder builder = new ProcessBuilder(Command.java(), "-jar",
				Repository.ROOT.resolve("launcher/target/ucj-launcher.jar").toString())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		Map<String, String> environment = builder.environment();
		environment.remove("KAFKA_BOOTSTRAP_SERVERS");
		environment.remove("MONGODB_URI");
		environment.put("UCJ_DATA_DIR", directory.resolve("var").toString());
		environment.put("UCJ_SERVICES_DIR", Repository.ROOT.resolve("launcher/target/services").toString());
		environment.put("ENROLLMENT_PORT", port("enrollment-service"));
		environment.put("AGGREGATOR_PORT", port("coverage-aggregator"));
		environment.put("NOTIFICATION_PORT", port("notification-service"));
		environment.put("CONSOLE_PORT", String.valueOf(this.consolePort));
		environment.put("UCJ_KAFKA_PORT", String.valueOf(this.kafkaPort));
		environment.put("UCJ_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
		environment.put("UCJ_MONGO_PORT", String.valueOf(this.mongoPort));
		environment.putAll(extraEnvironment);
		this.process = builder.start();
	}

	static LaunchedSystem start(Path directory, Map<String, String> extraEnvironment, Duration timeout)
			throws IOException {
		LaunchedSystem system = new LaunchedSystem(directory, extraEnvironment);
		system.awaitReady(timeout);
		return system;
	}

	String url(String service) {
		return "http://127.0.0.1:" + port(service);
	}

	String consoleUrl() {
		return "http://127.0.0.1:" + this.consolePort;
	}

	String port(String service) {
		return String.valueOf(this.servicePorts.get(service));
	}

	String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	String mongoUri() {
		return "mongodb://127.0.0.1:" + this.mongoPort + "/ucj";
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * The launcher's data directory: its logs, the broker's and the store's files, the
	 * keys.
	 */
	Path dataDir() {
		return this.directory.resolve("var");
	}

	/**
	 * The file of local API keys the launcher keeps ({@code UCJ_ENROLLER_KEY=...} lines).
	 */
	Path localKeys() {
		return dataDir().resolve("security").resolve("local-keys.env");
	}

	/**
	 * The file holding the local reader's key alone, as Prometheus reads it
	 * ({@code credentials_file}).
	 */
	Path readerKeyFile() {
		return dataDir().resolve("security").resolve("reader.key");
	}

	/**
	 * One of the local keys: {@code UCJ_ENROLLER_KEY}, {@code UCJ_ADMIN_KEY} or
	 * {@code UCJ_READER_KEY}.
	 */
	String key(String variable) {
		try {
			return Files.readAllLines(localKeys())
				.stream()
				.filter((line) -> line.startsWith(variable + "="))
				.map((line) -> line.substring(variable.length() + 1).strip())
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + variable + " in " + localKeys()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first admin's password, as the launcher printed it at its first start. */
	String firstAdminPassword() {
		java.util.regex.Matcher printed = java.util.regex.Pattern
			.compile("sign in as admin \\(all areas\\): password (\\S+)")
			.matcher(log());
		if (!printed.find()) {
			throw new AssertionError("The launcher printed no first admin password:\n" + log());
		}
		return printed.group(1);
	}

	private void awaitReady(Duration timeout) {
		try {
			Awaitility.await("the launcher's ready line")
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new AssertionError("The launcher ended with " + this.process.exitValue() + ":\n" + log());
					}
					return log().contains(READY);
				});
		}
		catch (ConditionTimeoutException ex) {
			close();
			throw new AssertionError("The launcher was not ready within " + timeout + ":\n" + log(), ex);
		}
	}

	String log() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Ctrl-C: the launcher stops the services, then Kafka and the store. */
	@Override
	public void close() {
		Command.stop(this.process, Duration.ofSeconds(60));
	}

}
