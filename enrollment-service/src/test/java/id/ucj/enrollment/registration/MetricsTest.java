package id.ucj.enrollment.registration;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MetricsTest {

	@LocalServerPort
	int port;

	@Test
	void exposesAcceptedAndRejectedCountsAndPublishLatencyToPrometheus() {
		HttpTestClient api = new HttpTestClient(this.port);
		api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(300)));
		api.post("/api/v1/registrations", Registrations.registration("1503019908900001"));
		api.post("/api/v1/registrations", "{\"nik\":");
		api.post("/api/v1/deregistrations", Registrations.deregistration(Registrations.nik(300)));

		String scrape = api.get("/actuator/prometheus").body();

		assertThat(scrape)
			.containsPattern("ucj_enrollment_accepted_total\\{application=\"enrollment-service\",event=\"participant.registered\"[^}]*} [1-9]")
			.containsPattern("ucj_enrollment_accepted_total\\{[^}]*event=\"participant.deregistered\"[^}]*} [1-9]")
			.containsPattern("ucj_enrollment_rejected_total\\{[^}]*event=\"participant.registered\"[^}]*reason=\"nik\"[^}]*} [1-9]")
			.containsPattern("ucj_enrollment_rejected_total\\{[^}]*reason=\"body\"[^}]*} [1-9]")
			.containsPattern("ucj_enrollment_publish_seconds_bucket\\{[^}]*outcome=\"success\"[^}]*le=\"[^\"]+\"[^}]*} [1-9]")
			.containsPattern("ucj_enrollment_publish_seconds_count\\{[^}]*outcome=\"success\"[^}]*} [1-9]")
			.doesNotContain("1503015508900300");
	}

	@Test
	void countsRegistrationsPerProvinceWithEveryProvinceFromTheStart() {
		HttpTestClient api = new HttpTestClient(this.port);
		api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(301)));

		String scrape = api.get("/actuator/prometheus").body();

		assertThat(Pattern.compile("^ucj_enrollment_registrations_total\\{", Pattern.MULTILINE).matcher(scrape).results())
			.hasSize(38);
		assertThat(Pattern.compile("^ucj_enrollment_last_registration_timestamp_seconds\\{", Pattern.MULTILINE)
			.matcher(scrape)
			.results()).hasSize(38);
		assertThat(scrape)
			.containsPattern("ucj_enrollment_registrations_total\\{application=\"enrollment-service\",instance=\"[^\"]+\",province=\"15\",province_name=\"Jambi\"} [1-9]")
			.containsPattern("ucj_enrollment_registrations_total\\{[^}]*province=\"94\"[^}]*} 0.0\n")
			.containsPattern("ucj_enrollment_last_registration_timestamp_seconds\\{[^}]*province=\"15\"[^}]*} 1.[0-9]+E9\n")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/registrations\"[^}]*le=\"0.001\"");
	}

	@Test
	void servesItsOpenApiDescription() {
		String openApi = new HttpTestClient(this.port).get("/v3/api-docs").body();

		assertThat(openApi).contains("/api/v1/registrations", "/api/v1/registrations/batch", "/api/v1/deregistrations");
	}

}
