package id.ucj.testsupport;

import java.net.InetSocketAddress;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A MongoDB for tests, chosen once per JVM: {@code MONGODB_URI} when set (any real
 * MongoDB), else a Testcontainers {@code mongo} replica set when a Docker engine answers,
 * else mongo-java-server (the MongoDB wire protocol in Java, memory backend) on a free
 * loopback port.
 */
public final class MongoTestServer {

	static final String MONGO_IMAGE = "mongo:8.0.15";

	private static String baseUri;

	private static String kind;

	private MongoTestServer() {
	}

	/**
	 * A connection string to a database of the caller's naming, so that test classes do
	 * not share data.
	 */
	public static synchronized String connectionString(String database) {
		if (baseUri == null) {
			start();
		}
		ConnectionString base = new ConnectionString(baseUri);
		String hosts = String.join(",", base.getHosts());
		String options = baseUri.contains("?") ? baseUri.substring(baseUri.indexOf('?')) : "";
		String credentials = (base.getUsername() != null)
				? baseUri.substring(baseUri.indexOf("//") + 2, baseUri.indexOf('@') + 1) : "";
		return "mongodb://" + credentials + hosts + "/" + database + options;
	}

	/**
	 * Which MongoDB the tests talk to: {@code MONGODB_URI}, {@code testcontainers} or
	 * {@code mongo-java-server}.
	 */
	public static synchronized String kind() {
		if (baseUri == null) {
			start();
		}
		return kind;
	}

	private static void start() {
		String configured = System.getenv("MONGODB_URI");
		if (configured != null && !configured.isBlank()) {
			baseUri = configured;
			kind = "MONGODB_URI";
		}
		else if (dockerAnswers()) {
			MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
			container.start();
			baseUri = container.getReplicaSetUrl();
			kind = "testcontainers";
		}
		else {
			MongoServer server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			InetSocketAddress address = server.getLocalAddress();
			ShutdownOrder.infrastructure(server::shutdownNow);
			baseUri = "mongodb://127.0.0.1:" + address.getPort() + "/test";
			kind = "mongo-java-server";
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
