package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-compatible server (mongo-java-server, the MongoDB wire protocol in Java) with
 * its H2 file backend under the data directory, so that a restart keeps every count. A
 * development stand-in: production runs a MongoDB replica set.
 */
final class LocalMongo implements AutoCloseable {

	private final MongoServer server;

	private final DurableH2Backend backend;

	private final int port;

	private LocalMongo(MongoServer server, DurableH2Backend backend, int port) {
		this.server = server;
		this.backend = backend;
		this.port = port;
	}

	static LocalMongo start(Path dataDir, int port) throws IOException {
		Path dir = dataDir.resolve("mongo").toAbsolutePath();
		Files.createDirectories(dir);
		DurableH2Backend backend = new DurableH2Backend(dir.resolve("ucj.mv").toString());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new LocalMongo(server, backend, port);
	}

	String uri() {
		return uri(this.port);
	}

	static String uri(int port) {
		return "mongodb://127.0.0.1:" + port + "/ucj";
	}

	/**
	 * Every write is committed already; closing the store compacts it. A graceful Netty
	 * stop can hang in a JVM shutdown.
	 */
	@Override
	public void close() {
		this.server.shutdownNow();
		this.backend.close();
	}

}
