package id.ucj.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import id.ucj.testsupport.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server from the machine's packages (Prometheus, Alertmanager) on a loopback port,
 * ready once {@code /-/ready} says so.
 */
final class ServerProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final Process process;

	private final HttpTestClient api;

	private final Path log;

	private ServerProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.api = new HttpTestClient(port);
		this.log = log;
	}

	static ServerProcess start(String name, Path log, int port, List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(name, process, port, log);
		server.awaitReady(Duration.ofSeconds(60));
		return server;
	}

	JsonNode getJson(String path, Map<String, String> parameters) {
		String query = parameters.entrySet()
			.stream()
			.map((parameter) -> parameter.getKey() + "="
					+ URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String body = this.api.get(query.isEmpty() ? path : path + "?" + query).body();
		return JSON.readTree(body);
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Duration timeout) {
		try {
			Awaitility.await(this.name + " ready")
				.atMost(timeout)
				.ignoreException(UncheckedIOException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new AssertionError(this.name + " ended with " + this.process.exitValue() + ":\n" + log());
					}
					return this.api.get("/-/ready").statusCode() == 200;
				});
		}
		catch (ConditionTimeoutException ex) {
			close();
			throw new AssertionError(this.name + " was not ready within " + timeout + ":\n" + log(), ex);
		}
	}

	@Override
	public void close() {
		Command.stop(this.process, Duration.ofSeconds(30));
	}

}
