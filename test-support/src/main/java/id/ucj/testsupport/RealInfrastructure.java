package id.ucj.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring Boot application under test at the shared {@link KafkaTestBroker} and, when the application
 * uses Spring Data MongoDB, at a database of its own on the {@link MongoTestServer}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String SPRING_DATA_MONGODB = "org.springframework.data.mongodb.core.MongoTemplate";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
		if (ClassUtils.isPresent(SPRING_DATA_MONGODB, context.getClassLoader())) {
			String uri = MongoTestServer.connectionString("ucj-test-" + Integer.toHexString(System.identityHashCode(context)));
			properties.put("spring.mongodb.uri", uri);
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ucjRealInfrastructure", properties));
	}

}
