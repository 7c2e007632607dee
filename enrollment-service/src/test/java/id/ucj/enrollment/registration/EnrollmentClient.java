package id.ucj.enrollment.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The enrollment API over real HTTP, as a field app calls it. */
final class EnrollmentClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	EnrollmentClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String json) {
		return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
	}

	HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(body)
			.timeout(Duration.ofSeconds(60))
			.build());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
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
