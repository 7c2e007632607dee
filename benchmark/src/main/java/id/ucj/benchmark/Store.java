package id.ucj.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.ucj.launcher.DurableH2Backend;

/**
 * A MongoDB wire-protocol server for one run: the project's in-memory store, its H2 file
 * store as the launcher runs it (committed after every write), or a real MongoDB given by
 * {@code MONGODB_URI}.
 */
final class Store implements AutoCloseable {

	private final String name;

	private final MongoServer server;

	private final String uri;

	private final Path file;

	private Store(String name, MongoServer server, String uri, Path file) {
		this.name = name;
		this.server = server;
		this.uri = uri;
		this.file = file;
	}

	static Store start(String kind, Path directory) throws IOException {
		return switch (kind) {
			case "memory" -> local(kind, new MemoryBackend(), null);
			case "h2" -> {
				Files.createDirectories(directory);
				Path file = directory.resolve("benchmark.mv");
				yield local(kind, new DurableH2Backend(file.toString()), file);
			}
			case "mongodb" -> {
				String uri = System.getenv("MONGODB_URI");
				if (uri == null || uri.isBlank()) {
					throw new IllegalArgumentException("--store mongodb needs MONGODB_URI");
				}
				yield new Store(kind, null, uri, null);
			}
			default -> throw new IllegalArgumentException("Unknown store " + kind + ": memory, h2 or mongodb");
		};
	}

	private static Store local(String name, MongoBackend backend, Path file) {
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return new Store(name, server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), file);
	}

	/** Bytes the store keeps on disk, when it keeps a file here (H2); -1 otherwise. */
	long fileSize() throws IOException {
		return (this.file != null && Files.exists(this.file)) ? Files.size(this.file) : -1;
	}

	String name() {
		return this.name;
	}

	/**
	 * The connection string of a database of this store (options of {@code MONGODB_URI}
	 * kept).
	 */
	String uri(String database) {
		int query = this.uri.indexOf('?');
		String options = (query < 0) ? "" : this.uri.substring(query);
		String address = (query < 0) ? this.uri : this.uri.substring(0, query);
		int path = address.indexOf('/', address.indexOf("://") + 3);
		return ((path < 0) ? address : address.substring(0, path)) + "/" + database + options;
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

}
