package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (Debian's package) running {@code deploy/prometheus/prometheus.yml}
 * against services on loopback: the same jobs, relabelling and rule files, with each
 * job's service discovery replaced by the local port, alerts sent to a local
 * Alertmanager, and the intervals shortened to one second.
 */
final class PrometheusServer implements AutoCloseable {

	static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

	private final ServerProcess server;

	private PrometheusServer(ServerProcess server) {
		this.server = server;
	}

	static PrometheusServer start(ExternalTool prometheus, Path directory, Map<String, Integer> servicePorts,
			Path readerKeyFile, String alertmanager) throws IOException {
		Path config = writeLocalConfig(directory, servicePorts, readerKeyFile, alertmanager);
		int port = FreePorts.next();
		return new PrometheusServer(ServerProcess.start("Prometheus", directory.resolve("prometheus.log"), port,
				List.of(prometheus.command(), "--config.file=" + config,
						"--storage.tsdb.path=" + directory.resolve("prometheus-data"),
						"--web.listen-address=127.0.0.1:" + port)));
	}

	/**
	 * {@code deploy/prometheus/prometheus.yml}, pointed at loopback, scraping with the
	 * local reader's key.
	 */
	@SuppressWarnings("unchecked")
	static Path writeLocalConfig(Path directory, Map<String, Integer> servicePorts, Path readerKeyFile,
			String alertmanager) throws IOException {
		Yaml yaml = new Yaml();
		Map<String, Object> config = yaml
			.load(Files.readString(Repository.DEPLOY.resolve("prometheus/prometheus.yml")));
		Map<String, Object> global = (Map<String, Object>) config.get("global");
		global.put("scrape_interval", SCRAPE_INTERVAL.toSeconds() + "s");
		global.put("evaluation_interval", SCRAPE_INTERVAL.toSeconds() + "s");
		config.put("alerting", Map.of("alertmanagers",
				List.of(Map.of("static_configs", List.of(Map.of("targets", List.of(alertmanager)))))));
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
			if (!(job.get("authorization") instanceof Map<?, ?>)) {
				throw new AssertionError("Scrape job " + name + " sends no credential (authorization)");
			}
			job.put("authorization", Map.of("type", "Bearer", "credentials_file", readerKeyFile.toString()));
		}
		Path local = directory.resolve("prometheus.yml");
		Files.writeString(local, yaml.dump(config));
		return local;
	}

	/** The {@code data} of a Prometheus API answer, which must say {@code success}. */
	JsonNode get(String path, Map<String, String> parameters) {
		JsonNode response = this.server.getJson(path, parameters);
		if (!"success".equals(response.path("status").asString())) {
			throw new AssertionError("Prometheus refused " + path + " " + parameters + ": " + response);
		}
		return response.path("data");
	}

	/**
	 * The series a query returns at each step of a range, as a Grafana time-series panel
	 * asks for them.
	 */
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
		return this.server.log();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
