package id.ucj.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How to run one part of the system as a JVM of its own: its command, its environment,
 * its log file, and how to tell that it is ready.
 *
 * @param name what the launcher calls it in its output, and its log's and pid file's name
 * @param javaArguments what follows {@code java}
 * @param environment added to the launcher's own
 * @param readiness answers whether the process serves yet
 * @param logDir where its output goes, appended to {@code <name>.log}
 * @param runDir where its pid file is kept
 */
record ChildProcess(String name, List<String> javaArguments, Map<String, String> environment, Readiness readiness,
		Path logDir, Path runDir) {

	/**
	 * Marks the command line, so a launcher that was killed can find its children later.
	 */
	private static final String MARK = "-Ducj.child=";

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	Path log() {
		return this.logDir.resolve(this.name + ".log");
	}

	/**
	 * Starts it. The process gets a session of its own where {@code setsid} exists, so
	 * that Ctrl-C in the launcher's terminal reaches only the launcher, which stops
	 * everything in order.
	 */
	Process start() throws IOException {
		Files.createDirectories(this.logDir);
		Files.createDirectories(this.runDir);
		Path pidFile = this.runDir.resolve(this.name + ".pid");
		stopLeftOver(pidFile);
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add(MARK + this.name);
		command.addAll(this.javaArguments);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(this.environment);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
		Process process = builder.start();
		Files.writeString(pidFile, Long.toString(process.pid()));
		return process;
	}

	/**
	 * A launcher that was killed (SIGKILL) could not stop its children; the next start
	 * stops them first, so that their ports are free. Only a process marked as this child
	 * is touched.
	 */
	private void stopLeftOver(Path pidFile) throws IOException {
		if (Files.notExists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		ProcessHandle.of(pid)
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> line.contains(MARK + this.name + " "))
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

	/** Whether a process serves yet. */
	@FunctionalInterface
	interface Readiness {

		boolean ready();

		/** A Spring Boot service: its readiness probe answers 200. */
		static Readiness http(URI service) {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			HttpRequest probe = HttpRequest.newBuilder(service.resolve("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return () -> {
				try {
					return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			};
		}

		/** A server that is ready once it accepts connections: the broker, the store. */
		static Readiness port(int port) {
			return () -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			};
		}

	}

}
