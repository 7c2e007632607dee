package id.ucj.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators do and see: set a regency's workforce and target, read coverage and alerts. */
final class Operations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI aggregator;

	private final URI notification;

	Operations(Options options) {
		this.aggregator = options.aggregator;
		this.notification = options.notification;
	}

	void setRegency(String code, long workforce, double target) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.aggregator.resolve("/api/v1/regencies/" + code))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("workforce", workforce, "target", target))))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Could not set " + code + ": " + response.statusCode() + " " + response.body());
		}
	}

	JsonNode coverage(String code) {
		return get(this.aggregator.resolve("/api/v1/coverage/" + code));
	}

	JsonNode allCoverage() {
		return get(this.aggregator.resolve("/api/v1/coverage"));
	}

	JsonNode alerts(String query) {
		return get(this.notification.resolve("/api/v1/alerts?" + query)).get("content");
	}

	private JsonNode get(URI uri) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Is the system running? " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
