package id.ucj.support.json;

import java.time.Instant;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.module.SimpleModule;

/** JSON as every service reads it: instants in their canonical form, read fast. */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class JsonAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer ucjCanonicalInstants() {
		return (builder) -> builder.addModule(module());
	}

	/** The module, for a mapper built outside Spring. */
	public static SimpleModule module() {
		return new SimpleModule("ucj-canonical-instants").addDeserializer(Instant.class, new CanonicalInstants());
	}

}
