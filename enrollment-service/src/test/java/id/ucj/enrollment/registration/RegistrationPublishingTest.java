package id.ucj.enrollment.registration;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TopicReaderExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationPublishingTest {

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
	void publishesAnAcceptedRegistrationAsACloudEventKeyedByParticipantId(CapturedOutput output) {
		String nik = Registrations.nik(1);
		Instant registeredAt = TestClock.START.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		HttpResponse<String> response = this.api.post("/api/v1/registrations",
				Registrations.registration(nik, registeredAt));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode receipt = this.json.readTree(response.body());
		String participantId = receipt.get("participantId").asString();
		String eventId = receipt.get("eventId").asString();
		assertThat(participantId).matches("v1-[0-9a-f]{64}");

		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(1);
		ConsumerRecord<byte[], byte[]> record = records.get(0);
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(participantId);
		assertThat(headers(record)).containsEntry("ce_id", eventId)
			.containsEntry("ce_type", "participant.registered")
			.containsEntry("ce_source", "/ucj/enrollment-service")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_time", registeredAt.toString())
			.containsEntry("ce_ucjclient", "test-enroller")
			.containsEntry("content-type", "application/json");

		JsonNode event = this.json.readTree(record.value());
		assertThat(event.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "participantId",
				"regencyCode", "segment", "programs", "fundingSource", "paidThrough");
		assertThat(event.get("eventId").asString()).isEqualTo(eventId);
		assertThat(event.get("participantId").asString()).isEqualTo(participantId);
		assertThat(event.get("regencyCode").asString()).isEqualTo("15.03");
		assertThat(event.get("segment").asString()).isEqualTo("BPU");
		assertThat(event.get("programs").toString()).isEqualTo("[\"JKK\",\"JKM\"]");
		assertThat(event.get("fundingSource").asString()).isEqualTo("APBD");
		assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(registeredAt);

		assertNoPersonalData(record, nik);
		assertThat(output.getAll()).doesNotContain(nik).doesNotContain(Registrations.FULL_NAME);
	}

	@Test
	void publishesExactlyTheGoodItemsOfABatchAndAnswersEveryItemInOrder(CapturedOutput output) {
		List<String> items = new ArrayList<>();
		IntStream.range(0, 1000).forEach((i) -> items.add(Registrations.registration(Registrations.nik(1000 + i))));
		items.set(500, Registrations.registration("1503019908900001"));

		HttpResponse<String> response = this.api.post("/api/v1/registrations/batch",
				"{\"registrations\": [" + String.join(",", items) + "]}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode results = this.json.readTree(response.body()).get("results");
		assertThat(results).hasSize(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
			assertThat(results.get(i).get("status").asString()).isEqualTo(i == 500 ? "REJECTED" : "ACCEPTED");
		}
		assertThat(results.get(500).get("errors").get(0).get("field").asString()).isEqualTo("nik");
		assertThat(results.get(500).has("eventId")).isFalse();

		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).hasSize(999);
		Set<String> published = records.stream()
			.map((record) -> headers(record).get("ce_id"))
			.collect(Collectors.toSet());
		Set<String> accepted = new java.util.HashSet<>();
		results.forEach((result) -> {
			if (result.has("eventId")) {
				accepted.add(result.get("eventId").asString());
			}
		});
		assertThat(published).hasSize(999).isEqualTo(accepted);
		assertThat(output.getAll()).doesNotContain(Registrations.nik(1000)).doesNotContain(Registrations.FULL_NAME);
	}

	@Test
	void publishesADeregistrationUnderTheSameParticipantIdAsTheRegistration() {
		String nik = Registrations.nik(2);
		String registered = this.json
			.readTree(this.api.post("/api/v1/registrations", Registrations.registration(nik)).body())
			.get("participantId")
			.asString();

		HttpResponse<String> response = this.api.post("/api/v1/deregistrations", Registrations.deregistration(nik));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(response.body()).get("participantId").asString()).isEqualTo(registered);
		List<ConsumerRecord<byte[], byte[]>> records = this.topic.readToEnd();
		assertThat(records).as("the registration and the deregistration, nothing else").hasSize(2);
		ConsumerRecord<byte[], byte[]> deregistration = records.stream()
			.filter((record) -> "participant.deregistered".equals(headers(record).get("ce_type")))
			.findFirst()
			.orElseThrow();
		assertThat(new String(deregistration.key(), StandardCharsets.UTF_8)).isEqualTo(registered);
		assertThat(this.json.readTree(deregistration.value()).get("reason").asString()).isEqualTo("LEFT_WORKFORCE");
		assertNoPersonalData(deregistration, nik);
	}

	@Test
	void givesARetriedCaptureTheSameEventId() {
		String body = Registrations.registration(Registrations.nik(3));

		String first = this.json.readTree(this.api.post("/api/v1/registrations", body).body())
			.get("eventId")
			.asString();
		String retry = this.json.readTree(this.api.post("/api/v1/registrations", body).body())
			.get("eventId")
			.asString();

		assertThat(retry).isEqualTo(first);
	}

	private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
		Map<String, String> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}

	private static void assertNoPersonalData(ConsumerRecord<byte[], byte[]> record, String nik) {
		List<String> parts = new ArrayList<>();
		parts.add(new String(record.key(), StandardCharsets.UTF_8));
		parts.add(new String(record.value(), StandardCharsets.UTF_8));
		record.headers()
			.forEach((header) -> parts.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8)));
		assertThat(parts).noneMatch((part) -> part.contains(nik))
			.noneMatch((part) -> part.contains(Registrations.FULL_NAME))
			.noneMatch((part) -> part.contains("Siti"));
	}

}
