package id.ucj.console.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.ucj.console.ConsoleApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through a real OpenID Connect provider (Spring Authorization Server):
 * authorization code with PKCE, the user's login, role and areas from the provider's
 * claims, and the user's own access token relayed to the services. The services' side is
 * a loopback HTTP server that records what the console sends it.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcSignInTest {

	static final int PORT = freePort();

	static final String CONSOLE = "http://127.0.0.1:" + PORT;

	static final ConfigurableApplicationContext PROVIDER = TestIdentityProvider
		.start(CONSOLE + "/login/oauth2/code/ucj");

	static final List<String> BEARERS = new CopyOnWriteArrayList<>();

	static final HttpServer SERVICES = services();

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@DynamicPropertySource
	static void signInThroughTheProvider(DynamicPropertyRegistry registry) {
		String registration = "spring.security.oauth2.client.registration.ucj.";
		registry.add("server.port", () -> PORT);
		registry.add("server.address", () -> "127.0.0.1");
		registry.add("server.servlet.session.cookie.secure", () -> "false");
		registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT);
		registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add(registration + "scope", () -> "openid,profile");
		registry.add("spring.security.oauth2.client.provider.ucj.issuer-uri",
				() -> TestIdentityProvider.issuer(PROVIDER));
		String services = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
		registry.add("ucj.console.aggregator-url", () -> services);
		registry.add("ucj.console.notification-url", () -> services);
	}

	@AfterAll
	static void stop() {
		SERVICES.stop(0);
		PROVIDER.close();
	}

	@Test
	void signsInWithPkceAndRelaysTheUsersOwnTokenWithTheirRoleAndAreas() throws Exception {
		HttpResponse<String> authorize = signIn("jambi-admin");
		assertThat(authorize.headers().firstValue("Location").orElseThrow()).contains("code_challenge=",
				"code_challenge_method=S256");

		HttpResponse<String> overview = get(CONSOLE + "/");

		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("Masuk sebagai jambi-admin (admin)");
		JsonNode claims = claims(BEARERS.get(BEARERS.size() - 1));
		assertThat(claims.get("iss").asString()).isEqualTo(TestIdentityProvider.issuer(PROVIDER));
		assertThat(claims.get("preferred_username").asString()).isEqualTo("jambi-admin");
		assertThat(claims.get("ucj_role").asString()).isEqualTo("admin");
		assertThat(claims.get("ucj_areas").get(0).asString()).isEqualTo("15");
		assertThat(get(CONSOLE + "/regencies/15.03/settings").statusCode()).as("an admin's page").isEqualTo(200);
	}

	@Test
	void aUserWithoutARoleAndAreasIsNotSignedIn() throws Exception {
		signIn("nobody");

		HttpResponse<String> overview = get(CONSOLE + "/");

		assertThat(overview.statusCode()).isEqualTo(302);
		assertThat(overview.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	/**
	 * The browser's round trip: the console sends it to the provider, the provider's
	 * sign-in form, back to the console with a code. Returns the console's redirect to
	 * the provider.
	 */
	private HttpResponse<String> signIn(String user) throws Exception {
		HttpResponse<String> authorize = get(CONSOLE + "/oauth2/authorization/ucj");
		assertThat(authorize.statusCode()).isEqualTo(302);
		HttpResponse<String> toLogin = get(authorize.headers().firstValue("Location").orElseThrow());
		String loginPage = location(toLogin, TestIdentityProvider.issuer(PROVIDER));
		Matcher csrf = Pattern
			.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(get(loginPage).body());
		assertThat(csrf.find()).isTrue();
		String token = (csrf.group(1) != null) ? csrf.group(1) : csrf.group(2);
		HttpResponse<String> signedIn = this.browser.send(HttpRequest.newBuilder(URI.create(loginPage))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
					+ URLEncoder.encode(TestIdentityProvider.password(user), StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		// Back to the authorization endpoint, then to the console with a code, then the
		// console's own redirect after it exchanged it.
		HttpResponse<String> next = signedIn;
		for (int hop = 0; hop < 5 && next.statusCode() == 302; hop++) {
			String location = location(next, next.uri().getScheme() + "://" + next.uri().getAuthority());
			if (location.startsWith(CONSOLE + "/") && !location.contains("/login/oauth2/code/")) {
				break;
			}
			next = get(location);
		}
		return authorize;
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> response, String base) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError(
					"No redirect from " + response.uri() + ": " + response.statusCode() + " " + response.body()));
		return location.startsWith("/") ? base + location : location;
	}

	private static JsonNode claims(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	/**
	 * Answers the regency list with none and any regency with Sarolangun, empty, and
	 * records each request's bearer token.
	 */
	private static HttpServer services() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String authorization = exchange.getRequestHeaders().getFirst("Authorization");
				if (authorization != null) {
					BEARERS.add(authorization.substring("Bearer ".length()));
				}
				String path = exchange.getRequestURI().getPath();
				byte[] body = (path.equals("/api/v1/coverage") ? "[]"
						: "{\"regencyCode\": \"15.03\", \"regencyName\": \"Kabupaten Sarolangun\", \"provinceCode\": \"15\", "
								+ "\"month\": \"2026-12\", \"covered\": 0, \"registered\": 0, \"protected\": 0, \"version\": 1, "
								+ "\"asOf\": \"2026-12-06T22:00:00Z\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
