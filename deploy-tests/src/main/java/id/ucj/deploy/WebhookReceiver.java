package id.ucj.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint for the notification-service that refuses its first call (503), as a
 * receiver being redeployed would, and takes every later one: the check then sees
 * deliveries of both outcomes.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger calls = new AtomicInteger();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/alerts", (exchange) -> {
			this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			int status = (this.calls.incrementAndGet() == 1) ? 503 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts";
	}

	int calls() {
		return this.calls.get();
	}

	/** Every body received, refused or taken. */
	List<String> bodies() {
		return List.copyOf(this.bodies);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
