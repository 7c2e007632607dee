package id.ucj.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a free loopback port, as a regency's integration would run one:
 * it answers 200 and notes when each alert arrived, to measure how long a crossing takes
 * to reach it.
 */
final class WebhookReceiver implements AutoCloseable {

	/** An alert as received, and when. */
	record Received(JsonNode alert, Instant at) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/alerts", (exchange) -> {
			Instant at = Instant.now();
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(new Received(this.json.readTree(body.readAllBytes()), at));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts";
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
