package id.ucj.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards in {@code deploy/grafana/dashboards}, down to each panel's
 * queries.
 */
final class Dashboards {

	static final Path DIRECTORY = Repository.DEPLOY.resolve("grafana/dashboards");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Dashboards() {
	}

	record Query(String dashboard, String panel, String refId, String expression, boolean instant,
			JsonNode datasource) {

		@Override
		public String toString() {
			return this.dashboard + " / " + this.panel + " / " + this.refId + ": " + this.expression;
		}

	}

	static List<JsonNode> all() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().map(Dashboards::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	static List<Query> queries() {
		List<Query> queries = new ArrayList<>();
		for (JsonNode dashboard : all()) {
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(dashboard.path("title").asString(), panel.path("title").asString(),
							target.path("refId").asString(), target.path("expr").asString(),
							target.path("instant").asBoolean(false), target.path("datasource")));
				}
			}
		}
		return queries;
	}

	/**
	 * Each template variable's value as the dashboard opens: its current value, or its
	 * "All" value.
	 */
	static Map<String, String> variables() {
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode dashboard : all()) {
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				JsonNode current = variable.path("current").path("value");
				String value = current.isArray() ? current.get(0).asString() : current.asString();
				if ("$__all".equals(value)) {
					value = variable.path("allValue").asString(".*");
				}
				values.put(variable.path("name").asString(), value);
			}
		}
		return values;
	}

	/**
	 * The query Grafana sends: template variables replaced, and its interval variables as
	 * Grafana computes them for a Prometheus scraped every {@code scrapeInterval}
	 * ({@code $__rate_interval} is at least four scrapes).
	 */
	static String expand(String expression, Map<String, String> variables, Duration scrapeInterval, Duration step,
			Duration range) {
		Duration rateInterval = Duration
			.ofSeconds(Math.max(step.toSeconds() + scrapeInterval.toSeconds(), 4 * scrapeInterval.toSeconds()));
		String expanded = expression.replace("$__rate_interval", rateInterval.toSeconds() + "s")
			.replace("$__interval", step.toSeconds() + "s")
			.replace("$__range", range.toSeconds() + "s");
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			expanded = expanded.replace("${" + variable.getKey() + "}", variable.getValue())
				.replaceAll("\\$" + variable.getKey() + "\\b",
						java.util.regex.Matcher.quoteReplacement(variable.getValue()));
		}
		return expanded;
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
