package id.ucj.enrollment.registration;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.TopicReaderExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may enrol where: credentials, roles, areas and rate limits, as field apps meet
 * them.
 */
@IntegrationTest
class AccessTest {

	static final String REGISTRATIONS = "/api/v1/registrations";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@RegisterExtension
	final TopicReaderExtension topic = TopicReaderExtension.named("ucj.topics.participant-events");

	@Test
	void refusesEveryRequestWithoutAValidCredentialWith401AndHowToAuthenticate() {
		for (String key : java.util.Arrays.asList(null, "ucj_not-a-key", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln")) {
			HttpResponse<String> response = api(key).post(REGISTRATIONS,
					Registrations.registration(Registrations.nik(1)));

			assertThat(response.statusCode()).as(String.valueOf(key)).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
			assertThat(response.headers().firstValue("Content-Type")).get()
				.asString()
				.startsWith("application/problem+json");
		}
		assertThat(api(null).get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(api(null).get("/actuator/metrics").statusCode()).isEqualTo(401);
		assertThat(api(TestKeys.READER).get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(api(TestKeys.ENROLLER).get("/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(api(TestKeys.READER).get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(api(null).get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(api(null).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(this.topic.countSinceMark()).isZero();
	}

	@Test
	void refusesAReaderOrAdminWith403() {
		for (String key : List.of(TestKeys.READER, TestKeys.ADMIN)) {
			HttpResponse<String> response = api(key).post(REGISTRATIONS,
					Registrations.registration(Registrations.nik(2)));

			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).get()
				.asString()
				.startsWith("application/problem+json");
		}
		assertThat(this.topic.countSinceMark()).isZero();
	}

	@Test
	void refusesARegistrationOutsideTheEnrollersAreasAndAcceptsOneInside() {
		HttpResponse<String> outside = api(TestKeys.ENROLLER_JAMBI).post(REGISTRATIONS,
				Registrations.registration(Registrations.nik(3), "51.71", TestClock.START.minus(1, ChronoUnit.HOURS)));
		HttpResponse<String> inside = api(TestKeys.ENROLLER_JAMBI).post(REGISTRATIONS,
				Registrations.registration(Registrations.nik(4), "15.03", TestClock.START.minus(1, ChronoUnit.HOURS)));

		assertThat(outside.statusCode()).isEqualTo(403);
		assertThat(outside.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		assertThat(this.json.readTree(outside.body()).get("detail").asString()).contains("51.71").contains("15");
		assertThat(inside.statusCode()).isEqualTo(202);
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(1);
		assertThat(this.json.readTree(records.get(0).value()).get("regencyCode").asString()).isEqualTo("15.03");
		assertThat(header(records.get(0), "ce_ucjclient")).isEqualTo("test-enroller-jambi");
	}

	@Test
	void rejectsTheBatchItemsOutsideTheEnrollersAreasAndAcceptsTheOthers() {
		String batch = "{\"registrations\": [" + String.join(",",
				Registrations.registration(Registrations.nik(5), "15.03", TestClock.START.minus(1, ChronoUnit.HOURS)),
				Registrations.registration(Registrations.nik(6), "51.71", TestClock.START.minus(1, ChronoUnit.HOURS)),
				Registrations.registration(Registrations.nik(7), "15.04", TestClock.START.minus(1, ChronoUnit.HOURS)))
				+ "]}";

		HttpResponse<String> response = api(TestKeys.ENROLLER_JAMBI).post(REGISTRATIONS + "/batch", batch);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode results = this.json.readTree(response.body()).get("results");
		assertThat(results.findValuesAsString("status")).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
		assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("regencyCode");
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).extracting((record) -> this.json.readTree(record.value()).get("regencyCode").asString())
			.containsExactlyInAnyOrder("15.03", "15.04");
	}

	@Test
	void requiresAnAreaLimitedEnrollerToNameTheRegencyOfADeregistrationAndKeepsItInTheEvent() {
		String nik = Registrations.nik(8);

		HttpResponse<String> unnamed = api(TestKeys.ENROLLER_JAMBI).post("/api/v1/deregistrations",
				Registrations.deregistration(nik));
		HttpResponse<String> elsewhere = api(TestKeys.ENROLLER_JAMBI).post("/api/v1/deregistrations",
				Registrations.deregistration(nik, "51.71"));
		HttpResponse<String> inside = api(TestKeys.ENROLLER_JAMBI).post("/api/v1/deregistrations",
				Registrations.deregistration(nik, "15.03"));

		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(unnamed.body()).contains("regencyCode");
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(inside.statusCode()).isEqualTo(202);
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(1);
		assertThat(this.json.readTree(records.get(0).value()).get("regencyCode").asString()).isEqualTo("15.03");
		assertThat(
				api(TestKeys.ENROLLER).post("/api/v1/deregistrations", Registrations.deregistration(nik)).statusCode())
			.as("a client of all areas may leave the regency out")
			.isEqualTo(202);
	}

	@Test
	void answers429WithRetryAfterOverAKeysRateAndLetsAClientThatWaitsThrough() {
		HttpTestClient slow = api(TestKeys.ENROLLER_FIVE_PER_SECOND);
		HttpResponse<String> limited = null;
		for (int i = 0; i < 50 && limited == null; i++) {
			HttpResponse<String> response = slow.post("/api/v1/deregistrations",
					Registrations.deregistration(Registrations.nik(9)));
			if (response.statusCode() == 429) {
				limited = response;
			}
		}

		assertThat(limited).as("a 429 within 50 requests at 5 per second").isNotNull();
		assertThat(limited.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 2L);
		// The client under test honours Retry-After: it waits what the header says, no
		// less, then gets through.
		await().pollDelay(Duration.ofSeconds(retryAfter))
			.atMost(Duration.ofSeconds(retryAfter + 5))
			.until(() -> slow.post("/api/v1/deregistrations", Registrations.deregistration(Registrations.nik(9)))
				.statusCode() == 202);
		assertThat(api(TestKeys.ENROLLER)
			.post("/api/v1/deregistrations", Registrations.deregistration(Registrations.nik(9)))
			.statusCode()).as("another client is not limited by it").isEqualTo(202);
	}

	private HttpTestClient api(String key) {
		return new HttpTestClient(this.port, key);
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
