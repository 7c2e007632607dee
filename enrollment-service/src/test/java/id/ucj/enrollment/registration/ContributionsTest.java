package id.ucj.enrollment.registration;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Contributions (cover paid for some months) and registrations that pay ahead, as payment
 * systems and field apps send them. The test clock stands in October 2024 (Jakarta), so
 * "12 months ahead" is 2025-10.
 */
@IntegrationTest
class ContributionsTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@RegisterExtension
	final TopicReaderExtension topic = TopicReaderExtension.named("ucj.topics.participant-events");

	HttpTestClient api;

	@BeforeEach
	void connect() {
		this.api = new HttpTestClient(this.port, TestKeys.ENROLLER);
	}

	@Test
	void publishesAContributionUnderTheParticipantsIdAsContributionPaid() {
		String nik = Registrations.nik(301);

		HttpResponse<String> response = this.api.post("/api/v1/contributions",
				Registrations.contribution(nik, "15.03", "2024-11", "2025-02", 67_200));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String participantId = this.json.readTree(response.body()).get("participantId").asString();
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(1);
		ConsumerRecord<byte[], byte[]> record = records.get(0);
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(participantId);
		assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("contribution.paid");
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "participantId",
				"coverFrom", "coverThrough", "fundingSource", "amount");
		assertThat(event.get("coverFrom").asString()).isEqualTo("2024-11");
		assertThat(event.get("coverThrough").asString()).isEqualTo("2025-02");
		assertThat(event.get("amount").asLong()).isEqualTo(67_200);
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(nik);
	}

	@Test
	void givesTheSameContributionTheSameEventId() {
		String body = Registrations.contribution(Registrations.nik(302), "15.03", "2024-10", "2024-10", 16_800);

		String first = this.json.readTree(this.api.post("/api/v1/contributions", body).body())
			.get("eventId")
			.asString();
		String second = this.json.readTree(this.api.post("/api/v1/contributions", body).body())
			.get("eventId")
			.asString();

		assertThat(second).isEqualTo(first);
	}

	@Test
	void refusesImplausibleMonthsNamingTheField() {
		String nik = Registrations.nik(303);
		Map<String, String> refused = Map.of("coverThrough",
				Registrations.contribution(nik, "15.03", "2024-11", "2025-11", 16_800), "coverFrom",
				Registrations.contribution(nik, "15.03", "2015-06", "2015-07", 16_800), "amount",
				Registrations.contribution(nik, "15.03", "2024-11", "2024-11", 0));
		refused.forEach((field, body) -> {
			HttpResponse<String> response = this.api.post("/api/v1/contributions", body);

			assertThat(response.statusCode()).as(field).isEqualTo(400);
			assertThat(this.json.readTree(response.body()).get("errors").findValuesAsString("field")).as(field)
				.contains(field);
		});
		assertThat(this.api
			.post("/api/v1/contributions", Registrations.contribution(nik, "15.03", "2025-10", "2025-11", 16_800))
			.statusCode()).as("more than 12 months ahead").isEqualTo(400);
		assertThat(this.topic.countSinceMark()).isZero();
	}

	@Test
	void answersEveryItemOfABatchAndChecksTheEnrollersAreas() {
		String batch = "{\"contributions\": ["
				+ String.join(",",
						Registrations.contribution(Registrations.nik(304), "15.03", "2024-10", "2024-12", 50_400),
						Registrations.contribution(Registrations.nik(305), "51.71", "2024-10", "2024-12", 50_400),
						Registrations.contribution(Registrations.nik(306), "15.03", "2024-10", "2026-12", 50_400))
				+ "]}";

		HttpResponse<String> response = new HttpTestClient(this.port, TestKeys.ENROLLER_JAMBI)
			.post("/api/v1/contributions/batch", batch);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode results = this.json.readTree(response.body()).get("results");
		assertThat(results.findValuesAsString("status")).containsExactly("ACCEPTED", "REJECTED", "REJECTED");
		assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("regencyCode");
		assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("coverThrough");
		assertThat(this.topic.readToEnd()).hasSize(1);
	}

	@Test
	void carriesARegistrationsPaidThroughMonthAndRefusesOneBeforeTheCaptureMonth() {
		String ahead = Registrations
			.registration(Registrations.nik(307), "15.03", TestClock.START.minus(1, ChronoUnit.HOURS))
			.replace("\"registeredAt\"", "\"paidThrough\": \"2025-01\", \"registeredAt\"");
		String before = Registrations
			.registration(Registrations.nik(308), "15.03", TestClock.START.minus(1, ChronoUnit.HOURS))
			.replace("\"registeredAt\"", "\"paidThrough\": \"2024-09\", \"registeredAt\"");

		assertThat(this.api.post("/api/v1/registrations", ahead).statusCode()).isEqualTo(202);
		HttpResponse<String> refused = this.api.post("/api/v1/registrations", before);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(refused.body()).get("errors").findValuesAsString("field"))
			.containsExactly("paidThrough");
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(1);
		assertThat(this.json.readTree(records.get(0).value()).get("paidThrough").asString()).isEqualTo("2025-01");
	}

}
