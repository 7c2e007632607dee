package id.ucj.aggregator;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OAuth2 issuer for the tests: Spring Authorization Server, on a loopback port of
 * its own, issuing client-credentials JWTs that carry a UCJ role and areas, as a Keycloak
 * realm with claim mappers would. Clients: {@code jambi-admin} (admin of province 15),
 * {@code jambi-dashboard} (reader of 15), {@code no-claims} (neither). Not a
 * {@code @Configuration}, so that the service's own component scan never picks it up.
 */
@EnableAutoConfiguration
public class TestAuthorizationServer {

	/**
	 * Each client's secret (test-only values; the issuer refuses two clients with the
	 * same one).
	 */
	public static String secret(String client) {
		return "test-only-secret-of-" + client;
	}

	public static final String AUDIENCE = "ucj-coverage";

	private static final Map<String, List<String>> CLAIMS = Map.of("jambi-admin", List.of("admin", "15"),
			"jambi-dashboard", List.of("reader", "15"));

	/**
	 * Every UCJ token names this system as its audience and, for known clients, their
	 * role and areas.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> ucjClaims() {
		return (context) -> {
			context.getClaims().audience(List.of(AUDIENCE));
			List<String> claims = CLAIMS.get(context.getRegisteredClient().getClientId());
			if (claims != null) {
				context.getClaims().claim("ucj_role", claims.get(0)).claim("ucj_areas", List.of(claims.get(1)));
			}
		};
	}

	/** Starts the issuer; its URL is {@code http://127.0.0.1:<port>}. */
	public static ConfigurableApplicationContext start() {
		String client = "--spring.security.oauth2.authorizationserver.client.";
		List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off", "--management.endpoints.access.default=none",
				"--spring.autoconfigure.exclude=id.ucj.support.security.ApiSecurityAutoConfiguration,"
						+ "id.ucj.support.web.WebAutoConfiguration,id.ucj.support.ServiceSupportAutoConfiguration,"
						+ "id.ucj.support.KafkaLoggingAutoConfiguration,"
						+ "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
						+ "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
						+ "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
						+ "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"));
		for (String id : List.of("jambi-admin", "jambi-dashboard", "no-claims")) {
			arguments.add(client + id + ".registration.client-id=" + id);
			arguments.add(client + id + ".registration.client-secret={noop}" + secret(id));
			arguments.add(client + id + ".registration.client-authentication-methods=client_secret_basic");
			arguments.add(client + id + ".registration.authorization-grant-types=client_credentials");
		}
		return new SpringApplicationBuilder(TestAuthorizationServer.class).run(arguments.toArray(String[]::new));
	}

	public static String issuer(ConfigurableApplicationContext server) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
	}

}
