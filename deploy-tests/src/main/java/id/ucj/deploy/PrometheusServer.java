package id.ucj.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.yaml.snakeyaml.Yaml;

import id.ucj.testsupport.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's package) running {@code deploy/prometheus/prometheus.yml} against services on
 * loopback: the same jobs, relabelling and rule files, with each job's service discovery replaced by the local
 * port and the intervals shortened to one second.
 */
final class PrometheusServer implements AutoCloseable {

	static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final HttpTestClient api;

	private final Path log;

	private PrometheusServer(Process process, int port, Path log) {
		this.process = process;
		this.api = new HttpTestClient(port);
		this.log = log;
	}

	static PrometheusServer start(ExternalTool prometheus, Path directory, Map<String, Integer> servicePorts)
			throws IOException {
		Path config = writeLocalConfig(directory, servicePorts);
		int port = FreePorts.next();
		Path log = directory.resolve("prometheus.log");
		Process process = new ProcessBuilder(prometheus.command(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, port, log);
		server.awaitReady(Duration.ofSeconds(60));
		return server;
	}

	/** {@code deploy/prometheus/prometheus.yml}, pointed at loopback. */
	@SuppressWarnings("unchecked")
	static Path writeLocalConfig(Path directory, Map<String, Integer> servicePorts) throws IOException {
		Yaml yaml = new Yaml();
		Map<String, Object> config = yaml.load(Files.readString(Repository.DEPLOY.resolve("prometheus/prometheus.yml")));
		Map<String, Object> global = (Map<String, Object>) config.get("global");
		global.put("scrape_interval", SCRAPE_INTERVAL.toSeconds() + "s");
		global.put("evaluation_interval", SCRAPE_INTERVAL.toSeconds() + "s");
		config.remove("alerting");
		List<String> ruleFiles = new ArrayList<>();
		for (String ruleFile : (List<String>) config.get("rule_files")) {
			ruleFiles.add(Repository.DEPLOY.resolve("prometheus").resolve(ruleFile).toString());
		}
		config.put("rule_files", ruleFiles);
		for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
			String name = (String) job.get("job_name");
			Integer port = servicePorts.get(name);
			if (port == null) {
				throw new AssertionError("Scrape job " + name + " is not one of the services " + servicePorts.keySet());
			}
			job.keySet().removeIf((key) -> key.endsWith("_sd_configs"));
			job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + port))));
		}
		Path local = directory.resolve("prometheus.yml");
		Files.writeString(local, yaml.dump(config));
		return local;
	}

	JsonNode get(String path, Map<String, String> parameters) {
		StringBuilder uri = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		String body = this.api.get(uri.toString()).body();
		JsonNode response = JSON.readTree(body);
		if (!"success".equals(response.path("status").asString())) {
			throw new AssertionError("Prometheus refused " + uri + ": " + body);
		}
		return response.path("data");
	}

	/** The series a query returns at each step of a range, as a Grafana time-series panel asks for them. */
	JsonNode queryRange(String query, Instant start, Instant end, Duration step) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("query", query);
		parameters.put("start", String.valueOf(start.getEpochSecond()));
		parameters.put("end", String.valueOf(end.getEpochSecond()));
		parameters.put("step", step.toSeconds() + "s");
		return get("/api/v1/query_range", parameters).path("result");
	}

	JsonNode query(String query, Instant at) {
		return get("/api/v1/query", Map.of("query", query, "time", String.valueOf(at.getEpochSecond()))).path("result");
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
			Awaitility.await("Prometheus ready").atMost(timeout).ignoreException(UncheckedIOException.class).until(() -> {
				if (!this.process.isAlive()) {
					throw new AssertionError("Prometheus ended with " + this.process.exitValue() + ":\n" + log());
				}
				return this.api.get("/-/ready").statusCode() == 200;
			});
		}
		catch (ConditionTimeoutException ex) {
			close();
			throw new AssertionError("Prometheus was not ready within " + timeout + ":\n" + log(), ex);
		}
	}

	@Override
	public void close() {
		Command.stop(this.process, Duration.ofSeconds(30));
	}

}
