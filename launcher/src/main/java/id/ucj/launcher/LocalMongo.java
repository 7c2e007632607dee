package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-compatible server (mongo-java-server, the MongoDB wire protocol in Java) with its H2 file backend
 * under the data directory, so that a restart keeps every count. A development stand-in: production runs a
 * MongoDB replica set.
 */
final class LocalMongo implements AutoCloseable {

	private final MongoServer server;

	private final int port;

	private LocalMongo(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static LocalMongo start(Path dataDir, int port) throws IOException {
		Path dir = dataDir.resolve("mongo").toAbsolutePath();
		Files.createDirectories(dir);
		MongoServer server = new MongoServer(new H2Backend(dir.resolve("ucj.mv").toString()));
		server.bind("127.0.0.1", port);
		return new LocalMongo(server, port);
	}

	String uri() {
		return "mongodb://127.0.0.1:" + this.port + "/ucj";
	}

	@Override
	public void close() {
		// Closes the H2 store too, so everything written is on disk.
		this.server.shutdown();
	}

}
