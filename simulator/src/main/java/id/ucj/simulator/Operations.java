package id.ucj.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators do and see: set a regency's workforce and target, read coverage and
 * alerts.
 */
final class Operations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RetryPolicy<HttpResponse<String>> retry = RetryPolicy.<HttpResponse<String>>builder()
		.handle(IOException.class)
		.handleResultIf((response) -> response.statusCode() == 429 || response.statusCode() >= 500)
		.withBackoff(Duration.ofMillis(500), Duration.ofSeconds(5))
		.withDelayFn(RetryAfter::delay)
		.withMaxDuration(Duration.ofMinutes(3))
		.withMaxRetries(-1)
		.build();

	private final URI aggregator;

	private final URI notification;

	private final Options options;

	Operations(Options options) {
		this.aggregator = options.aggregator;
		this.notification = options.notification;
		this.options = options;
	}

	void setRegency(String code, long workforce, double target) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(this.aggregator.resolve("/api/v1/regencies/" + code))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + this.options.adminKey())
					.PUT(HttpRequest.BodyPublishers
						.ofByteArray(JSON.writeValueAsBytes(Map.of("workforce", workforce, "target", target))))
					.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Could not set " + code + ": " + response.statusCode() + " " + response.body());
		}
	}

	JsonNode coverage(String code) {
		return get(this.aggregator.resolve("/api/v1/coverage/" + code));
	}

	JsonNode allCoverage() {
		return get(this.aggregator.resolve("/api/v1/coverage"));
	}

	/**
	 * A regency's forecast ({@code 15.03}), a province's ({@code 15}) or the nation's
	 * ({@code national}).
	 */
	JsonNode forecast(String area, int months) {
		String path = area.equals("national") ? "/api/v1/coverage/national/forecast" : area.contains(".")
				? "/api/v1/coverage/" + area + "/forecast" : "/api/v1/coverage/provinces/" + area + "/forecast";
		return get(this.aggregator.resolve(path + "?months=" + months));
	}

	/**
	 * A regency's plan; {@code null} parameters are left to the aggregator's defaults.
	 */
	JsonNode plan(String regency, Double target, YearMonth through, Long budget) {
		StringBuilder query = new StringBuilder();
		if (target != null) {
			query.append("&target=").append(target);
		}
		if (through != null) {
			query.append("&through=").append(through);
		}
		if (budget != null) {
			query.append("&budget=").append(budget);
		}
		return get(this.aggregator
			.resolve("/api/v1/coverage/" + regency + "/plan" + query.toString().replaceFirst("^&", "?")));
	}

	JsonNode alerts(String query) {
		return get(this.notification.resolve("/api/v1/alerts?" + query)).get("content");
	}

	private JsonNode get(URI uri) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + this.options.readerKey())
			.GET()
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"GET " + uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** Services restart; an operator's console retries for a while before giving up. */
	private HttpResponse<String> send(HttpRequest request) {
		try {
			return Failsafe.with(this.retry).get(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (FailsafeException ex) {
			throw new UncheckedIOException("Is the system running? " + request.uri(),
					(ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause()));
		}
	}

}
