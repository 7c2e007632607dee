package id.ucj.aggregator.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.ucj.aggregator.TestAuthorizationServer;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.TestKeys;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs from a real issuer (Spring Authorization Server, client-credentials tokens),
 * verified as an OAuth2 resource server: role and areas from the token's claims, the same
 * rules as API keys, which keep working.
 */
@IntegrationTest
class JwtAccessTest {

	static final ConfigurableApplicationContext ISSUER = TestAuthorizationServer.start();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void trustTheIssuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				() -> TestAuthorizationServer.issuer(ISSUER));
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestAuthorizationServer.AUDIENCE);
	}

	@AfterAll
	static void stopTheIssuer() {
		ISSUER.close();
	}

	@Test
	void letsAnAdminTokenSetTargetsInItsProvinceOnlyAndRecordsTheClient() throws Exception {
		HttpTestClient admin = new HttpTestClient(this.port, token("jambi-admin"));

		HttpResponse<String> inside = admin.put("/api/v1/regencies/15.05", "{\"workforce\": 80000, \"target\": 0.5}");
		HttpResponse<String> outside = admin.put("/api/v1/regencies/51.71", "{\"workforce\": 80000, \"target\": 0.5}");

		assertThat(inside.statusCode()).as(inside.body()).isEqualTo(200);
		assertThat(JSON.readTree(inside.body()).get("targetsSetBy").asString()).isEqualTo("jambi-admin");
		assertThat(outside.statusCode()).isEqualTo(403);
	}

	@Test
	void letsAReaderTokenReadItsAreaButNotChangeIt() throws Exception {
		HttpTestClient reader = new HttpTestClient(this.port, token("jambi-dashboard"));

		assertThat(reader.get("/api/v1/coverage/15.03").statusCode()).isEqualTo(200);
		assertThat(reader.get("/api/v1/coverage/51.71").statusCode()).isEqualTo(403);
		assertThat(reader.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(reader.put("/api/v1/regencies/15.03", "{\"workforce\": 1, \"target\": 0.5}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void refusesATokenWithoutARoleATamperedTokenAndATokenOfAnotherIssuerWith401() throws Exception {
		String noClaims = token("no-claims");
		String valid = token("jambi-admin");
		String[] parts = valid.split("\\.");
		String elevated = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
						.replace("\"15\"", "\"*\"")
						.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];

		for (String token : new String[] { noClaims, elevated }) {
			HttpResponse<String> response = new HttpTestClient(this.port, token).get("/api/v1/coverage/15.03");

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
		}
	}

	@Test
	void keepsAcceptingApiKeysBesideTokens() {
		assertThat(new HttpTestClient(this.port, TestKeys.READER).get("/api/v1/coverage/51.71").statusCode())
			.isEqualTo(200);
	}

	/**
	 * A client-credentials token, as an integration gets one from its identity provider.
	 */
	private static String token(String client) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((client + ":" + TestAuthorizationServer.secret(client)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(TestAuthorizationServer.issuer(ISSUER) + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

}
