package id.ucj.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.FileSystemUtils;

/**
 * Points a Spring Boot application under test at the shared {@link KafkaTestBroker}, with
 * topics and a consumer group of its own, and, when the application uses Spring Data
 * MongoDB, at a database of its own on the {@link MongoTestServer}: test classes that run
 * in one JVM do not see each other's data.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String SPRING_DATA_MONGODB = "org.springframework.data.mongodb.core.MongoTemplate";

	private static final AtomicInteger contexts = new AtomicInteger();

	/**
	 * A Kafka Streams state directory of the context's own, deleted when the JVM exits,
	 * after the context has closed its stores (services that keep no local state ignore
	 * it).
	 */
	private static String stateDirectory(String suffix) {
		try {
			Path directory = Files.createTempDirectory("ucj-state" + suffix);
			ShutdownOrder.infrastructure(() -> FileSystemUtils.deleteRecursively(directory.toFile()));
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ShutdownOrder.context(context);
		String suffix = "-" + ProcessHandle.current().pid() + "-" + contexts.incrementAndGet();
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
		properties.put("spring.kafka.consumer.group-id", "ucj-test" + suffix);
		properties.put("ucj.topics.participant-events", "participant-events" + suffix);
		properties.put("ucj.topics.coverage-changes", "coverage-changes" + suffix);
		properties.put("ucj.counting.state-dir", stateDirectory(suffix));
		// Six partitions, not the services' 24: as exact, and each context starts sooner.
		properties.put("ucj.topics.partitions", 6);
		if (ClassUtils.isPresent(SPRING_DATA_MONGODB, context.getClassLoader())) {
			properties.put("spring.mongodb.uri", MongoTestServer.connectionString("ucj-test" + suffix));
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("ucjRealInfrastructure", properties));
	}

}
