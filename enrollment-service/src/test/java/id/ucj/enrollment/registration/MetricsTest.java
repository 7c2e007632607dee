package id.ucj.enrollment.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.PrometheusScrape;
import id.ucj.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every assertion is on the change between a scrape before and one after the test's own
 * requests: other test classes share this application and its meters, and a meter
 * registered at start-up proves nothing by existing.
 */
@IntegrationTest
class MetricsTest {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void countsEachAcceptedAndRejectedSubmissionAndTimesEveryPublish() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.ENROLLER);
		PrometheusScrape before = PrometheusScrape.of(api);

		api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(300)));
		api.post("/api/v1/registrations/batch",
				"{\"registrations\": [" + Registrations.registration(Registrations.nik(302)) + ","
						+ Registrations.registration(Registrations.nik(303)) + "]}");
		api.post("/api/v1/registrations", Registrations.registration("1503019908900001"));
		api.post("/api/v1/registrations", "{\"nik\":");
		api.post("/api/v1/deregistrations", Registrations.deregistration(Registrations.nik(300)));

		// Publish times are recorded when Kafka's acknowledgement completes, a moment
		// after the answer may have left.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(increase(before, PrometheusScrape.of(api),
					"ucj_enrollment_publish_seconds_count", "outcome", "success"))
				.isEqualTo(4));
		String text = api.as(TestKeys.READER).get("/actuator/prometheus").body();
		PrometheusScrape after = PrometheusScrape.parse(text);
		assertThat(increase(before, after, "ucj_enrollment_accepted_total", "application", "enrollment-service",
				"event", "participant.registered"))
			.isEqualTo(3);
		assertThat(increase(before, after, "ucj_enrollment_accepted_total", "event", "participant.deregistered"))
			.isEqualTo(1);
		assertThat(increase(before, after, "ucj_enrollment_rejected_total", "event", "participant.registered", "reason",
				"nik"))
			.isEqualTo(1);
		assertThat(increase(before, after, "ucj_enrollment_rejected_total", "reason", "body")).isEqualTo(1);
		assertThat(increase(before, after, "ucj_enrollment_publish_seconds_count", "outcome", "success")).isEqualTo(4);
		assertThat(increase(before, after, "ucj_enrollment_publish_seconds_bucket", "outcome", "success", "le", "+Inf"))
			.isEqualTo(4);
		assertThat(text).doesNotContain(Registrations.nik(300), Registrations.FULL_NAME);
	}

	@Test
	void countsRegistrationsPerProvinceWithEveryProvinceFromTheStart() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.ENROLLER);
		PrometheusScrape before = PrometheusScrape.of(api);

		api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(301)));
		long registeredBy = this.clock.instant().getEpochSecond();

		String text = api.as(TestKeys.READER).get("/actuator/prometheus").body();
		PrometheusScrape after = PrometheusScrape.parse(text);
		assertThat(Pattern.compile("^ucj_enrollment_registrations_total\\{", Pattern.MULTILINE).matcher(text).results())
			.hasSize(38);
		assertThat(after.matching("ucj_enrollment_last_registration_timestamp_seconds")).hasSize(38);
		assertThat(increase(before, after, "ucj_enrollment_registrations_total", "application", "enrollment-service",
				"province", "15", "province_name", "Jambi"))
			.isEqualTo(1);
		assertThat(increase(before, after, "ucj_enrollment_registrations_total", "province", "94")).isZero();
		assertThat(after.value("ucj_enrollment_last_registration_timestamp_seconds", "province", "15"))
			.as("the service's clock when it accepted the registration")
			.isBetween((double) before.value("ucj_enrollment_last_registration_timestamp_seconds", "province", "15"),
					(double) registeredBy)
			.isGreaterThanOrEqualTo(TestClock.START.getEpochSecond());
		assertThat(after.value("ucj_enrollment_last_registration_timestamp_seconds", "province", "94"))
			.isEqualTo(before.value("ucj_enrollment_last_registration_timestamp_seconds", "province", "94"));
		assertThat(increase(before, after, "http_server_requests_seconds_count", "uri", "/api/v1/registrations",
				"status", "202"))
			.isEqualTo(1);
		assertThat(after.matching("http_server_requests_seconds_bucket", "uri", "/api/v1/registrations", "le", "0.001"))
			.isNotEmpty();
	}

	@Test
	void timesRequestsButNotEachSecurityFilter() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.ENROLLER);
		api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(304)));

		String text = api.as(TestKeys.READER).get("/actuator/prometheus").body();

		assertThat(text).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
	}

	@Test
	void servesItsOpenApiDescription() {
		String openApi = new HttpTestClient(this.port).get("/v3/api-docs").body();

		assertThat(openApi).contains("/api/v1/registrations", "/api/v1/registrations/batch", "/api/v1/deregistrations");
	}

	private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
