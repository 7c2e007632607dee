package id.ucj.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real, single-node Apache Kafka broker in KRaft mode, started from the broker's own
 * server classes and {@code kafka-server.properties}. Its log lives under the data
 * directory, so a restart keeps every topic.
 */
final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final int port;

	private LocalKafka(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static LocalKafka start(Path dataDir, int port, int controllerPort) throws Exception {
		Path logDir = dataDir.resolve("kafka").toAbsolutePath();
		Files.createDirectories(logDir);
		Properties properties = load(Map.of("kafkaPort", port, "controllerPort", controllerPort, "logDir", logDir));
		KafkaConfig config = KafkaConfig.fromProps(properties, false);
		format(config, logDir);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new LocalKafka(server, port);
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	/**
	 * Formats the log directory on the first start only; later starts find it and keep
	 * every topic.
	 */
	private static void format(KafkaConfig config, Path logDir) throws Exception {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
			.setNodeId(config.nodeId())
			.setClusterId(Uuid.randomUuid().toString())
			.addDirectory(logDir.toString())
			.setControllerListenerName("CONTROLLER")
			.setMetadataLogDirectory(logDir.toString())
			.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
			.run();
	}

	private static Properties load(Map<String, Object> values) {
		try (InputStream in = LocalKafka.class.getResourceAsStream("/kafka-server.properties")) {
			String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, Object> value : values.entrySet()) {
				template = template.replace("${" + value.getKey() + "}", value.getValue().toString());
			}
			Properties properties = new Properties();
			properties.load(new StringReader(template));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
