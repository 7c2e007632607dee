package id.ucj.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TestKeys;

/**
 * One of the services, in-process, as it runs: its own {@code application.yml} (read from
 * its own jar, since the three shadow each other on this module's class path), a free
 * loopback port, the shared test broker, the test keys, and the test's clock as its
 * {@code Clock}.
 */
final class RunningService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static RunningService start(Class<?> application, Path workDirectory, Clock clock, Map<String, Object> properties)
			throws IOException {
		Path configuration = workDirectory.resolve(application.getSimpleName() + ".yml");
		try (InputStream in = applicationYml(application).openStream()) {
			Files.copy(in, configuration, StandardCopyOption.REPLACE_EXISTING);
		}
		Map<String, Object> all = new LinkedHashMap<>(TestKeys.properties());
		all.put("spring.config.location", "file:" + configuration);
		all.put("server.port", 0);
		all.put("server.address", "127.0.0.1");
		all.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new RunningService(new SpringApplicationBuilder(application)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("ucjTestClock", Clock.class,
					() -> clock, (definition) -> definition.setPrimary(true)))
			.run(args.toArray(String[]::new)));
	}

	String property(String name) {
		return this.context.getEnvironment().getProperty(name);
	}

	HttpTestClient as(String key) {
		return new HttpTestClient(((WebServerApplicationContext) this.context).getWebServer().getPort(), key);
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static URL applicationYml(Class<?> application) throws IOException {
		URL location = application.getProtectionDomain().getCodeSource().getLocation();
		return location.getPath().endsWith(".jar") ? URI.create("jar:" + location + "!/application.yml").toURL()
				: URI.create(location + "application.yml").toURL();
	}

}
