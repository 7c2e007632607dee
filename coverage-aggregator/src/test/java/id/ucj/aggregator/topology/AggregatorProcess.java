package id.ucj.aggregator.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.PrometheusScrape;
import id.ucj.testsupport.TestKeys;

import static org.awaitility.Awaitility.await;

/**
 * One coverage-aggregator in a JVM of its own, on a free loopback port, so that a test
 * can do to it what a machine does to a process: SIGKILL it ({@link #kill()}), SIGSTOP
 * and SIGCONT it ({@link #pause()}, {@link #resume()}), or stop it as an orchestrator
 * does (SIGTERM, {@link #close()}). Its output goes to {@code target/processes/}.
 */
final class AggregatorProcess implements AutoCloseable {

	private static final Path LOGS = Path.of("target", "processes");

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private AggregatorProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts an instance with these properties (on top of the test keys and a free port),
	 * and returns once it answers over HTTP.
	 */
	static AggregatorProcess start(String name, Map<String, Object> properties) {
		int port = freePort();
		Map<String, Object> all = new LinkedHashMap<>(TestKeys.properties());
		all.put("server.port", port);
		all.put("server.address", "127.0.0.1");
		all.put("UCJ_API_DOCS", false);
		all.putAll(properties);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						ForkedAggregator.class.getName()));
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(name + "-" + System.nanoTime() + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			AggregatorProcess started = new AggregatorProcess(name, process, port, log);
			await(name + " answering (" + log + ")").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(started::answers);
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a command run to its end printed, and its exit status. */
	record Finished(int exitStatus, String output) {
	}

	/**
	 * Runs the service's {@code recount} command with these properties, in a JVM of its
	 * own, and waits for it to exit.
	 */
	static Finished recount(Map<String, Object> properties) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						ForkedAggregator.class.getName(), "recount"));
		Map<String, Object> all = new LinkedHashMap<>(TestKeys.properties());
		all.putAll(properties);
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		Files.createDirectories(LOGS);
		Path log = LOGS.resolve("recount-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("recount still running after 5 minutes (" + log + ")");
		}
		return new Finished(process.exitValue(), Files.readString(log));
	}

	HttpTestClient api() {
		return new HttpTestClient(this.port, TestKeys.READER);
	}

	int port() {
		return this.port;
	}

	/**
	 * Participant events this instance has counted since it started (its
	 * {@code ucj_aggregator_events_total}, all outcomes).
	 */
	double eventsCounted() {
		PrometheusScrape scrape = PrometheusScrape.parse(api().get("/actuator/prometheus").body());
		return sum(scrape, "ucj_aggregator_events_total");
	}

	/** Live view writes that failed since it started. */
	double viewFailures() {
		PrometheusScrape scrape = PrometheusScrape.parse(api().get("/actuator/prometheus").body());
		return sum(scrape, "ucj_aggregator_view_failures_total");
	}

	private static double sum(PrometheusScrape scrape, String name) {
		return scrape.matching(name).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
	}

	private boolean answers() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(
					this.name + " exited with " + this.process.exitValue() + ", see " + this.log);
		}
		try {
			return api().get("/actuator/health").statusCode() == 200;
		}
		catch (RuntimeException notYet) {
			return false;
		}
	}

	/**
	 * SIGKILL, as the kernel's OOM killer or a pulled plug does; returns once it is gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGSTOP: the process stays, and does nothing, until {@link #resume()}. */
	void pause() {
		signal("STOP");
	}

	/** SIGCONT: a paused process goes on where it was. */
	void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " exited with " + exit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGTERM, and waits for a graceful stop. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			resume();
			this.process.destroy();
			waitFor();
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", " + this.log + ")";
	}

}
