package id.ucj.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service's HTTP API over real HTTP on loopback, as its clients call it: with an API
 * key ({@code Authorization: Bearer}), or with none.
 */
public final class HttpTestClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String key;

	/** A client without credentials. */
	public HttpTestClient(int port) {
		this(port, null);
	}

	/** A client presenting this API key (see {@link TestKeys}). */
	public HttpTestClient(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	/** The same service, called with another key. */
	public HttpTestClient as(String otherKey) {
		return new HttpTestClient(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), otherKey);
	}

	public HttpResponse<String> post(String path, String json) {
		return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
	}

	public HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(body)
			.timeout(Duration.ofSeconds(60))
			.build());
	}

	public HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		HttpRequest authorized = (this.key == null) ? request
				: HttpRequest.newBuilder(request, (name, value) -> true)
					.header("Authorization", "Bearer " + this.key)
					.build();
		try {
			return this.http.send(authorized, HttpResponse.BodyHandlers.ofString());
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
