package id.ucj.aggregator.web;

import id.ucj.aggregator.topology.CoverageClient;
import id.ucj.aggregator.topology.EventProducer;
import id.ucj.aggregator.topology.TopicSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.contract.DeregistrationReason;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.PrometheusScrape;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read coverage and set targets, where; and a deregistration that names the wrong
 * regency. It shares its context (and store) with the other tests of this configuration,
 * so it uses regencies none of them touch.
 */
@IntegrationTest
class AccessTest {

	static final Instant T0 = TestClock.START.minusSeconds(3_600);

	@LocalServerPort
	int port;

	@Autowired
	TopicSettings topics;

	@Autowired
	JsonMapper json;

	CoverageClient api;

	EventProducer producer;

	@BeforeEach
	void connect() {
		this.api = new CoverageClient(this.port);
		this.producer = new EventProducer(KafkaTestBroker.bootstrapServers(), this.topics.participantEvents());
	}

	@AfterEach
	void close() {
		this.producer.close();
	}

	@Test
	void refusesEveryReadAndChangeWithoutACredential() {
		for (String path : new String[] { "/api/v1/coverage", "/api/v1/coverage/15.03", "/api/v1/coverage/national",
				"/api/v1/coverage/provinces/15", "/actuator/prometheus", "/actuator/env", "/api/v1/nothing" }) {
			HttpResponse<String> response = this.api.as(null).get(path);

			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
				.get()
				.asString()
				.startsWith("Bearer");
		}
		assertThat(this.api.as(null).put("/api/v1/regencies/15.03", "{\"workforce\": 1, \"target\": 0.5}").statusCode())
			.isEqualTo(401);
		assertThat(this.api.as(null).get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void letsOnlyAnAdminOfTheRegencysAreaSetItsTargetAndRecordsWhoDid() {
		String targets = "{\"workforce\": 93000, \"target\": 0.6}";

		assertThat(this.api.as(TestKeys.READER).put("/api/v1/regencies/15.07", targets).statusCode()).isEqualTo(403);
		assertThat(this.api.as(TestKeys.ENROLLER).put("/api/v1/regencies/15.07", targets).statusCode()).isEqualTo(403);
		HttpResponse<String> elsewhere = this.api.as(TestKeys.ADMIN_JAMBI).put("/api/v1/regencies/51.71", targets);
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(elsewhere.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		assertThat(this.api.json("/api/v1/coverage/51.71").get("target").isNull()).isTrue();

		HttpResponse<String> inside = this.api.as(TestKeys.ADMIN_JAMBI).put("/api/v1/regencies/15.07", targets);

		assertThat(inside.statusCode()).isEqualTo(200);
		JsonNode regency = this.api.json("/api/v1/coverage/15.07");
		assertThat(regency.get("target").asDouble()).isEqualTo(0.6);
		assertThat(regency.get("targetsSetBy").asString()).isEqualTo("test-admin-jambi");
		assertThat(regency.get("targetsSetAt").isNull()).isFalse();
	}

	@Test
	void showsAReaderOnlyTheRegenciesOfItsAreas() {
		assertThat(this.api.as(TestKeys.READER_JAMBI).get("/api/v1/coverage/51.71").statusCode()).isEqualTo(403);
		assertThat(this.api.as(TestKeys.READER_JAMBI).get("/api/v1/coverage/15.03").statusCode()).isEqualTo(200);

		JsonNode listed = this.json.readTree(this.api.as(TestKeys.READER_JAMBI).get("/api/v1/coverage").body());

		assertThat(listed.size()).isEqualTo(11);
		assertThat(listed.findValuesAsString("provinceCode")).containsOnly("15");
		assertThat(this.api.json("/api/v1/coverage").size()).isGreaterThan(500);
	}

	@Test
	void ignoresADeregistrationThatNamesAnotherRegencyAndCountsIt() {
		String participant = "tanjabbar-" + UUID.randomUUID();
		double before = PrometheusScrape.parse(this.api.get("/actuator/prometheus").body())
			.value("ucj_aggregator_events_total", "outcome", "wrong_regency");
		long covered = this.api.json("/api/v1/coverage/15.06").get("covered").asLong();

		this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, participant, "15.06", Segment.BPU,
				Set.of(Program.JKK), FundingSource.APBD, null));
		this.producer.send(new ParticipantDeregistered(UUID.randomUUID(), T0.plusSeconds(60), participant,
				DeregistrationReason.LEFT_WORKFORCE, "51.71"));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PrometheusScrape.parse(this.api.get("/actuator/prometheus").body())
				.value("ucj_aggregator_events_total", "outcome", "wrong_regency") - before).isEqualTo(1));
		// The view is written at the next flush after the event is counted.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.api.json("/api/v1/coverage/15.06").get("covered").asLong())
				.isEqualTo(covered + 1));

		this.producer.send(new ParticipantDeregistered(UUID.randomUUID(), T0.plusSeconds(120), participant,
				DeregistrationReason.LEFT_WORKFORCE, "15.06"));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.api.json("/api/v1/coverage/15.06").get("covered").asLong())
				.isEqualTo(covered));
	}

}
