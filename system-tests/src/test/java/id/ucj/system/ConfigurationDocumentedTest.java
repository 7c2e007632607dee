package id.ucj.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import id.ucj.testsupport.Docs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md names every property the services declare: the configuration
 * metadata that Spring Boot's processor generates from their settings records (the
 * services and service-support are on this class path).
 */
class ConfigurationDocumentedTest {

	@Test
	void everyPropertyOfTheServicesIsInTheConfigurationPage() throws IOException {
		Set<String> properties = declaredProperties();
		Set<String> documented = Docs.ofThisRepository().codeSpans("docs/configuration.md");

		assertThat(properties).as("properties declared by the services' settings records").hasSizeGreaterThan(30);
		assertThat(properties.stream().filter((property) -> !documented.contains(property)))
			.as("properties missing from docs/configuration.md")
			.isEmpty();
	}

	private static Set<String> declaredProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Set<String> properties = new TreeSet<>();
		for (URL metadata : Collections.list(ConfigurationDocumentedTest.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					if (property.path("sourceType").asString().startsWith("id.ucj.")) {
						properties.add(property.path("name").asString());
					}
				}
			}
		}
		return properties;
	}

}
