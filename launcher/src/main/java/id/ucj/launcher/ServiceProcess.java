package id.ucj.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service, run as its own JVM from its executable jar, its output in a log file of
 * its own.
 */
final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	static ServiceProcess start(String name, Path jar, String address, int port, Map<String, String> environment,
			Path logDir, Path runDir) throws IOException {
		Files.createDirectories(logDir);
		Files.createDirectories(runDir);
		stopLeftOver(runDir.resolve(name + ".pid"), jar);
		Path log = logDir.resolve(name + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xss512k", "-jar",
				jar.toString(), "--server.port=" + port, "--server.address=" + address));
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Process process = builder.start();
		Files.writeString(runDir.resolve(name + ".pid"), Long.toString(process.pid()));
		return new ServiceProcess(name, port, process, log);
	}

	/**
	 * A launcher that was killed (SIGKILL) could not stop its services; the next start
	 * stops them first, so that their ports are free. Only a process still running this
	 * service's jar is touched.
	 */
	private static void stopLeftOver(Path pidFile, Path jar) throws IOException {
		if (Files.notExists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		ProcessHandle.of(pid)
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> line.contains(jar.getFileName().toString()))
				.orElse(false))
			.ifPresent((process) -> {
				process.destroy();
				try {
					process.onExit().get(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.destroyForcibly();
				}
			});
		Files.delete(pidFile);
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Waits until the service reports itself ready, or fails if it exits first or takes
	 * too long.
	 */
	void awaitReady(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + "; see " + this.log);
	}

	/**
	 * SIGTERM, so that the service shuts down gracefully; forcibly only if it does not
	 * within the grace period.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
