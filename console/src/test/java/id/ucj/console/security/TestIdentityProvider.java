package id.ucj.console.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for the console's sign-in test: Spring Authorization
 * Server on a loopback port of its own, with the console as a confidential client that
 * must use PKCE, and two users, as a Keycloak realm with attribute mappers would have
 * them: {@code jambi-admin} (admin of province 15) and {@code nobody} (no UCJ claims).
 * Not a {@code @Configuration}, so that the console's component scan never picks it up.
 */
@EnableAutoConfiguration
public class TestIdentityProvider {

	static final String CLIENT = "ucj-console";

	static final String CLIENT_SECRET = "test-only-console-secret";

	static final Map<String, List<String>> CLAIMS = Map.of("jambi-admin", List.of("admin", "15"));

	/** Test-only passwords. */
	static String password(String user) {
		return "test-only-password-of-" + user;
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("jambi-admin").password("{noop}" + password("jambi-admin")).roles("USER").build(),
				User.withUsername("nobody").password("{noop}" + password("nobody")).roles("USER").build());
	}

	/**
	 * The ID token and the access token carry the user's login, UCJ role and areas, and
	 * the access token names this system as its audience.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> ucjClaims() {
		return (context) -> {
			String user = context.getPrincipal().getName();
			context.getClaims().claim("preferred_username", user);
			if ("access_token".equals(context.getTokenType().getValue())) {
				context.getClaims().audience(List.of("ucj-coverage"));
			}
			List<String> claims = CLAIMS.get(user);
			if (claims != null) {
				context.getClaims().claim("ucj_role", claims.get(0)).claim("ucj_areas", List.of(claims.get(1)));
			}
		};
	}

	/** Starts the provider, with the console's redirect address registered. */
	static ConfigurableApplicationContext start(String consoleRedirect) {
		String client = "--spring.security.oauth2.authorizationserver.client.console.";
		return new SpringApplicationBuilder(TestIdentityProvider.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				// Its own session cookie: cookies ignore ports, and the console's is
				// UCJSESSION.
				"--server.servlet.session.cookie.name=IDPSESSION", "--server.servlet.session.cookie.secure=false",
				"--management.endpoints.access.default=none", client + "registration.client-id=" + CLIENT,
				client + "registration.client-secret={noop}" + CLIENT_SECRET,
				client + "registration.client-authentication-methods=client_secret_basic",
				client + "registration.authorization-grant-types=authorization_code,refresh_token",
				client + "registration.redirect-uris=" + consoleRedirect, client + "registration.scopes=openid,profile",
				client + "require-proof-key=true", client + "require-authorization-consent=false");
	}

	static String issuer(ConfigurableApplicationContext provider) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
	}

}
