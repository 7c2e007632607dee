package id.ucj.simulator.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a user runs it, {@code java -jar ucj-launcher.jar}, on free
 * loopback ports and a data directory of its own; its parts found by the pid files the
 * launcher keeps, and hit with real signals.
 */
final class LaunchedSystem implements AutoCloseable {

	static final String ENROLLMENT = "enrollment-service";

	static final String AGGREGATOR = "coverage-aggregator";

	/** The aggregator's second instance, when the system runs two. */
	static final String SECOND_AGGREGATOR = "coverage-aggregator-2";

	static final String NOTIFIER = "notification-service";

	static final String KAFKA = "kafka";

	static final String STORE = "store";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Path launcherJar;

	private final Path dataDir;

	private final Map<String, Integer> ports = new HashMap<>();

	private final Map<String, String> environment = new HashMap<>();

	private final List<String> aggregators;

	private Process launcher;

	/**
	 * @param aggregators how many aggregator instances the launcher runs (one or two)
	 */
	LaunchedSystem(Path launcherJar, Path dataDir, URI webhook, String webhookSecret, int aggregators) {
		this.launcherJar = launcherJar;
		this.dataDir = dataDir;
		this.aggregators = (aggregators > 1) ? List.of(AGGREGATOR, SECOND_AGGREGATOR) : List.of(AGGREGATOR);
		for (String name : List.of(ENROLLMENT, AGGREGATOR, SECOND_AGGREGATOR, NOTIFIER, KAFKA, "kafka-controller",
				STORE)) {
			this.ports.put(name, freePort());
		}
		this.environment.putAll(Map.of("UCJ_DATA_DIR", dataDir.toString(), "UCJ_KAFKA_PORT", port(KAFKA),
				"UCJ_KAFKA_CONTROLLER_PORT", port("kafka-controller"), "UCJ_MONGO_PORT", port(STORE), "ENROLLMENT_PORT",
				port(ENROLLMENT), "AGGREGATOR_PORT", port(AGGREGATOR), "NOTIFICATION_PORT", port(NOTIFIER),
				"UCJ_CHANNELS_WEBHOOK_URL", webhook.toString(), "UCJ_CHANNELS_WEBHOOK_SECRET", webhookSecret));
		this.environment.putAll(Map.of("UCJ_AGGREGATOR_INSTANCES", Integer.toString(this.aggregators.size()),
				"AGGREGATOR_2_PORT", port(SECOND_AGGREGATOR)));
	}

	/** The aggregator's instances, by their names under the launcher. */
	List<String> aggregators() {
		return this.aggregators;
	}

	/** The services, each aggregator instance included. */
	List<String> services() {
		List<String> services = new ArrayList<>(List.of(ENROLLMENT, NOTIFIER));
		services.addAll(1, this.aggregators);
		return services;
	}

	private String port(String name) {
		return Integer.toString(this.ports.get(name));
	}

	URI url(String service) {
		return URI.create("http://127.0.0.1:" + this.ports.get(service));
	}

	/** Starts the launcher and waits until every service is ready. */
	void start(Duration timeout) throws IOException, InterruptedException {
		Files.createDirectories(this.dataDir);
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", this.launcherJar.toString());
		builder.environment().putAll(this.environment);
		builder.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("launcher.log").toFile()));
		this.launcher = builder.start();
		for (String service : services()) {
			awaitReady(service, timeout);
		}
	}

	/**
	 * Waits until the service answers its readiness probe; fails if the launcher died.
	 */
	Duration awaitReady(String service, Duration timeout) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.launcher.isAlive()) {
				throw new IllegalStateException("The launcher exited with " + this.launcher.exitValue() + "; see "
						+ this.dataDir.resolve("launcher.log"));
			}
			if (ready(service)) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		throw new IllegalStateException(service + " was not back within " + timeout);
	}

	private boolean ready(String service) throws InterruptedException {
		try {
			HttpRequest probe = HttpRequest.newBuilder(url(service).resolve("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The local run's key for a role variable (UCJ_ENROLLER_KEY, ...). */
	String key(String variable) {
		try {
			return Files.readAllLines(this.dataDir.resolve("security").resolve("local-keys.env"))
				.stream()
				.filter((line) -> line.startsWith(variable + "="))
				.map((line) -> line.substring(variable.length() + 1).trim())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + variable + " in the local keys"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The pid of a part the launcher runs, as its pid file says now. */
	long pid(String part) {
		try {
			return Long.parseLong(Files.readString(this.dataDir.resolve("run").resolve(part + ".pid")).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends a signal (KILL, STOP, CONT, TERM) to a part, as {@code kill -s} does. */
	long signal(String part, String signal) throws IOException, InterruptedException {
		long pid = pid(part);
		Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -s " + signal + " " + pid + " (" + part + ") failed");
		}
		return pid;
	}

	/** Waits until the part's pid file names another, living process than {@code pid}. */
	void awaitRestarted(String part, long pid, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				long now = pid(part);
				if (now != pid && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false)) {
					return;
				}
			}
			catch (UncheckedIOException | NumberFormatException ex) {
				// Being written.
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		throw new IllegalStateException(part + " was not restarted within " + timeout);
	}

	/**
	 * SIGTERM to the launcher, as Ctrl-C or a service manager sends it.
	 * @return how long it took to stop everything
	 */
	Duration stop(Duration timeout) throws InterruptedException {
		long started = System.nanoTime();
		this.launcher.destroy();
		if (!this.launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.launcher.destroyForcibly().waitFor();
			throw new IllegalStateException("The launcher did not stop within " + timeout);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** Whether any process the launcher started still runs. */
	List<String> leftOver() {
		List<String> parts = new ArrayList<>(services());
		parts.addAll(List.of(KAFKA, STORE));
		return parts.stream()
			.filter((part) -> ProcessHandle.of(pid(part)).map(ProcessHandle::isAlive).orElse(false))
			.toList();
	}

	@Override
	public void close() {
		if (this.launcher != null && this.launcher.isAlive()) {
			this.launcher.destroy();
			try {
				if (!this.launcher.waitFor(30, TimeUnit.SECONDS)) {
					this.launcher.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
