package id.ucj.aggregator.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import id.ucj.contract.Program;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The aggregator's HTTP API, as operators and dashboards call it. */
final class CoverageClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	CoverageClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	JsonNode json(String path) {
		return JSON.readTree(get(path).body());
	}

	/** Coverage of these regencies as the API reports it, in the shape of {@link EventLog#expectedCoverage()}. */
	Map<String, Long> coverage(java.util.Collection<String> regencies) {
		Map<String, Long> coverage = new TreeMap<>();
		for (JsonNode regency : json("/api/v1/coverage")) {
			String code = regency.get("regencyCode").asString();
			if (!regencies.contains(code)) {
				continue;
			}
			if (regency.get("covered").asLong() != 0) {
				coverage.put(code, regency.get("covered").asLong());
			}
			for (Program program : Program.values()) {
				long covered = regency.get("byProgram").get(program.name()).asLong();
				if (covered != 0) {
					coverage.put(code + "/" + program, covered);
				}
			}
		}
		return coverage;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
