package id.ucj.simulator.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the running system says, through its public APIs. */
final class SystemView {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI aggregator;

	private final URI notifier;

	private final String readerKey;

	private final String adminKey;

	SystemView(URI aggregator, URI notifier, String readerKey, String adminKey) {
		this.aggregator = aggregator;
		this.notifier = notifier;
		this.readerKey = readerKey;
		this.adminKey = adminKey;
	}

	/** The same system, read through another aggregator instance. */
	SystemView through(URI otherAggregator) {
		return new SystemView(otherAggregator, this.notifier, this.readerKey, this.adminKey);
	}

	/**
	 * The sum of a metric's samples on an aggregator instance's Prometheus endpoint, or
	 * -1 if it has none.
	 */
	double metric(String name) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.aggregator.resolve("/actuator/prometheus"))
			.header("Authorization", "Bearer " + this.readerKey)
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("The metrics answered " + response.statusCode());
		}
		return response.body()
			.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.reduce(Double::sum)
			.orElse(-1);
	}

	/** A regency's counts: registered, then active by month from the current one. */
	Counts counts(String regencyCode, int months) throws IOException, InterruptedException {
		JsonNode coverage = get(this.aggregator.resolve("/api/v1/coverage/" + regencyCode));
		JsonNode forecast = get(
				this.aggregator.resolve("/api/v1/coverage/" + regencyCode + "/forecast?months=" + months));
		int[] active = new int[months];
		for (int i = 0; i < months; i++) {
			active[i] = forecast.get("months").get(i).get("active").asInt();
		}
		return new Counts(coverage.get("registered").asInt(), coverage.get("covered").asInt(), active,
				coverage.get("workforce").asInt());
	}

	/** Every alert of the province, as the notifier's log holds them. */
	List<JsonNode> alerts(String provinceCode) throws IOException, InterruptedException {
		List<JsonNode> alerts = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode answer = get(
					this.notifier.resolve("/api/v1/alerts?province=" + provinceCode + "&size=200&page=" + page));
			answer.get("content").forEach(alerts::add);
			if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
				return alerts;
			}
		}
	}

	void setRegency(String regencyCode, int workforce, double target) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.aggregator.resolve("/api/v1/regencies/" + regencyCode))
			.header("Authorization", "Bearer " + this.adminKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.PUT(HttpRequest.BodyPublishers
				.ofByteArray(JSON.writeValueAsBytes(Map.of("workforce", workforce, "target", target))))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(
					"Setting " + regencyCode + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private JsonNode get(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + this.readerKey)
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(uri + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	record Counts(int registered, int covered, int[] activeByMonth, int workforce) {
	}

}
