package id.ucj.simulator.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The operators' webhook endpoint, on a free loopback port: it records the
 * {@code Idempotency-Key} of every delivery, and can be told to refuse them (503) for a
 * while, so that alerts are recorded but not yet delivered.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(2));
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts");
	}

	void refuse(boolean refusing) {
		this.refusing = refusing;
	}

	/** Idempotency keys, one per delivery received, in order of arrival. */
	List<String> delivered() {
		return List.copyOf(this.delivered);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			if (this.refusing) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			this.delivered.add((key != null) ? key : "(none)");
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
