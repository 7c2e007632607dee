package id.ucj.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of every module a {@link TestClock} as its primary
 * {@code Clock} (a test may autowire it and move it), so that no outcome of a test
 * depends on the machine's clock, hour, day or time zone; and the {@link TestKeys} with
 * the OpenAPI document on, so that tests call the API as its clients do. Registered in
 * {@code META-INF/spring.factories}, so no test can forget it. Test properties still
 * override the keys.
 */
public class TestContextDefaults implements ContextCustomizerFactory {

	private static final String AUTHORIZATION_SERVER = "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
			+ "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configurations) {
		return new TestClockCustomizer();
	}

	private static final class TestClockCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			Map<String, Object> defaults = new java.util.LinkedHashMap<>(TestKeys.properties());
			defaults.put("UCJ_API_DOCS", true);
			// A module that runs an authorization server in its tests
			// (TestAuthorizationServer) keeps it out of
			// the service under test.
			defaults.put("spring.autoconfigure.exclude", AUTHORIZATION_SERVER);
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource("ucjTestDefaults", defaults));
			if (context instanceof GenericApplicationContext application) {
				application.registerBean("ucjTestClock", TestClock.class, () -> new TestClock(),
						(definition) -> definition.setPrimary(true));
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestClockCustomizer;
		}

		@Override
		public int hashCode() {
			return TestClockCustomizer.class.hashCode();
		}

	}

}
