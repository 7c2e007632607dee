package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.PrometheusScrape;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events through a real broker into a real MongoDB wire protocol, read back over HTTP and
 * from Kafka.
 */
@IntegrationTest
class CoverageAggregationTest {

	static final Instant T0 = TestClock.START.minusSeconds(86_400);

	/** The test clock's month in Sumatra (WIB), where the random log's regencies are. */
	static final List<YearMonth> NOW = List.of(YearMonth.of(2024, 10));

	@LocalServerPort
	int port;

	@Autowired
	TopicSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	EventProducer producer;

	CoverageClient api;

	@BeforeEach
	void connect() {
		this.producer = new EventProducer(KafkaTestBroker.bootstrapServers(), this.topics.participantEvents());
		this.api = new CoverageClient(this.port);
	}

	@AfterEach
	void close() {
		this.producer.close();
	}

	@Test
	void countsRandomRegistrationsDuplicatesMovesDeregistrationsAndLateUploadsExactly() {
		EventLog log = EventLog.random(new Random(42), 6, 300, 3000);
		log.events().forEach((event) -> this.producer.send(event.event()));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(this.api.coverage(EventLog.REGENCIES)).isEqualTo(log.expectedCoverage(NOW)));
	}

	@Test
	void sendsPoisonRecordsToTheDeadLetterTopicAndCountsTheGoodOnesBehindThem() {
		String regency = "32.01";
		String bogor = "ani-" + UUID.randomUUID();
		TopicReader deadLetters = new TopicReader(KafkaTestBroker.bootstrapServers(), this.topics.deadLetters());
		Map<TopicPartition, Long> mark = deadLetters.mark();
		double deadLettersBefore = PrometheusScrape.parse(this.api.get("/actuator/prometheus").body())
			.value("ucj_kafka_dead_letters_total", "topic", this.topics.deadLetters());

		this.producer.raw("k1", "participant.registered", "{not json".getBytes(StandardCharsets.UTF_8));
		this.producer.raw("k2", "participant.teleported", "{}".getBytes(StandardCharsets.UTF_8));
		this.producer.raw("k3", null, "{}".getBytes(StandardCharsets.UTF_8));
		this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, "k4", "99.99", Segment.PU,
				Set.of(Program.JKK), FundingSource.SELF, null));
		this.producer.raw("k5", "participant.registered",
				"{\"participantId\": \"k5\"}".getBytes(StandardCharsets.UTF_8));
		this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, bogor, regency, Segment.PU,
				Set.of(Program.JKK), FundingSource.EMPLOYER, null));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.json("/api/v1/coverage/" + regency).get("covered").asLong())
				.isEqualTo(1));
		// A dead letter counts once the broker has it: when five have counted, the topic
		// as it ends holds them all.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PrometheusScrape.parse(this.api.get("/actuator/prometheus").body())
				.value("ucj_kafka_dead_letters_total", "topic", this.topics.deadLetters()) - deadLettersBefore)
				.isEqualTo(5));
		List<ConsumerRecord<byte[], byte[]>> dead = deadLetters.readToEnd(mark);
		deadLetters.close();
		assertThat(dead).hasSize(5);
		assertThat(dead).extracting((record) -> new String(record.key(), StandardCharsets.UTF_8))
			.containsExactlyInAnyOrder("k1", "k2", "k3", "k4", "k5");
		assertThat(dead).allSatisfy((record) -> assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank());
		assertThat(dead)
			.anySatisfy((record) -> assertThat(header(record, "kafka_dlt-exception-message")).contains("99.99"));
	}

	@Test
	void reportsSarolangunAt43PercentAndPublishesItsSnapshot() {
		TopicReader changes = new TopicReader(KafkaTestBroker.bootstrapServers(), this.topics.coverageChanges());
		Map<TopicPartition, Long> mark = changes.mark();
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 112000, \"target\": 0.65}").statusCode())
			.isEqualTo(200);

		for (int i = 0; i < 48_160; i++) {
			ParticipantRegistered registration = new ParticipantRegistered(UUID.randomUUID(), T0.plusSeconds(i),
					"sarolangun-" + i, "15.03", Segment.BPU, Set.of(Program.JKK, Program.JKM), FundingSource.APBD,
					null);
			this.producer.send(registration);
			if (i % 20 == 0) {
				this.producer.send(registration);
			}
		}
		this.producer.flush();

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(this.api.json("/api/v1/coverage/15.03").get("covered").asLong())
				.isEqualTo(48_160));
		JsonNode sarolangun = this.api.json("/api/v1/coverage/15.03");
		assertThat(sarolangun.get("coverageRatio").asDouble()).isEqualTo(0.43);
		assertThat(sarolangun.get("workforce").asLong()).isEqualTo(112_000);
		assertThat(sarolangun.get("target").asDouble()).isEqualTo(0.65);
		assertThat(sarolangun.get("regencyName").asString()).isEqualTo("Kabupaten Sarolangun");
		assertThat(sarolangun.get("provinceCode").asString()).isEqualTo("15");
		assertThat(sarolangun.get("bySegment").get("BPU").asLong()).isEqualTo(48_160);

		// Snapshots go out before the batch's offsets are committed, not necessarily
		// before the API shows the count.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode latest = latestSnapshot(changes, mark, "15.03");
			assertThat(latest.get("covered").asLong()).isEqualTo(48_160);
			assertThat(latest.get("coverageRatio").asDouble()).isEqualTo(0.43);
			assertThat(latest.get("target").asDouble()).isEqualTo(0.65);
		});
		changes.close();
	}

	@Test
	void rollsUpProvincesAndTheNationOverRegenciesWithAWorkforce() {
		this.api.put("/api/v1/regencies/12.01", "{\"workforce\": 10, \"target\": 0.5}");
		for (int i = 0; i < 4; i++) {
			this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, "sumut-" + i,
					(i < 3) ? "12.01" : "12.02", Segment.PU, Set.of(Program.JHT), FundingSource.EMPLOYER, null));
		}
		this.producer.flush();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode province = this.api.json("/api/v1/coverage/provinces/12");
			assertThat(province.get("covered").asLong()).isEqualTo(4);
			assertThat(province.get("workforce").asLong()).isEqualTo(10);
			assertThat(province.get("coverageRatio").asDouble()).isEqualTo(0.3);
			assertThat(province.get("regenciesWithoutWorkforce").asInt())
				.isEqualTo(province.get("regencies").asInt() - 1);
			assertThat(province.get("registered").asLong()).isEqualTo(4);
			// Captured in October 2024 and paid for that month alone: November and
			// December are grace months.
			assertThat(province.get("lapsing").findValuesAsString("month")).startsWith("2024-11", "2024-12", "2025-01");
			assertThat(province.get("lapsing").get(2).get("byFundingSource").get("EMPLOYER").asLong()).isEqualTo(4);
		});
		assertThat(this.api.json("/api/v1/coverage/national").get("regencies").asInt()).isEqualTo(514);
		assertThat(this.api.json("/api/v1/coverage?province=12"))
			.allSatisfy((regency) -> assertThat(regency.get("provinceCode").asString()).isEqualTo("12"));
	}

	@Test
	void keepsNothingPerParticipantInMongoDb() {
		String regency = "15.71";
		long before = this.api.json("/api/v1/coverage/" + regency).get("registered").asLong();
		for (int participant = 0; participant < 1500; participant++) {
			this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, "jambi-" + participant, regency,
					Segment.BPU, Set.of(Program.JKK), FundingSource.SELF, null));
		}
		this.producer.flush();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.json("/api/v1/coverage/" + regency).get("registered").asLong() == before + 1500);
		assertThat(this.mongo.getCollectionNames()).as("one document per regency at most, whatever the participants")
			.allSatisfy((collection) -> assertThat(this.mongo.getCollection(collection).countDocuments()).as(collection)
				.isLessThanOrEqualTo(514));
	}

	@Test
	void reportsUpAgainstAnyMongoDbCompatibleServer() {
		assertThat(this.api.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(this.api.json("/actuator/health").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void leavesTheRatioEmptyUntilAWorkforceIsSet() {
		JsonNode regency = this.api.json("/api/v1/coverage/11.05");

		assertThat(regency.get("coverageRatio").isNull()).isTrue();
		assertThat(regency.get("workforce").isNull()).isTrue();
	}

	@Test
	void refusesInvalidWorkforceAndTargetNamingTheFieldAndUnknownRegencies() {
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 0, \"target\": 0.65}").body())
			.contains("workforce");
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 10, \"target\": 1.5}").statusCode())
			.isEqualTo(400);
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 10, \"target\": 0}").statusCode())
			.isEqualTo(400);
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": \"many\", \"target\": 0.5}").body())
			.contains("workforce");
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 10}").statusCode()).isEqualTo(400);
		assertThat(
				this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 9000000000000000000, \"target\": 0.5}").body())
			.as("more workers than Indonesia has")
			.contains("workforce");
		assertThat(this.api.put("/api/v1/regencies/99.99", "{\"workforce\": 10, \"target\": 0.5}").statusCode())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/coverage/99.99").statusCode()).isEqualTo(404);
		assertThat(this.api.put("/api/v1/regencies/15.03", "{\"workforce\": 0, \"target\": 0.65}")
			.headers()
			.firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void exposesPerRegencyGaugesAndPipelineMetrics() {
		PrometheusScrape before = PrometheusScrape.parse(this.api.get("/actuator/prometheus").body());
		this.api.put("/api/v1/regencies/15.02", "{\"workforce\": 1000, \"target\": 0.7}");
		this.producer.send(new ParticipantRegistered(UUID.randomUUID(), T0, "merangin-1", "15.02", Segment.PU,
				Set.of(Program.JKK), FundingSource.SELF, null));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.get("/actuator/prometheus").body()).containsPattern(
					"ucj_coverage_ratio\\{application=\"coverage-aggregator\",instance=\"[^\"]+\",province=\"15\",province_name=\"Jambi\",regency=\"15.02\",regency_name=\"Kabupaten Merangin\"} 0.001\n")
				.containsPattern("ucj_coverage_target\\{[^}]*regency=\"15.02\"[^}]*} 0.7\n")
				.containsPattern("ucj_coverage_registrations_total\\{[^}]*regency=\"15.02\"[^}]*} 1.0\n")
				.containsPattern("ucj_coverage_active\\{[^}]*regency=\"15.02\"[^}]*} 1.0\n")
				.containsPattern("ucj_coverage_registered\\{[^}]*regency=\"15.02\"[^}]*} 1.0\n")
				.containsPattern("ucj_coverage_protected\\{[^}]*regency=\"15.02\"[^}]*} 1.0\n")
				.containsPattern("ucj_coverage_lapsing\\{[^}]*months=\"3\"[^}]*regency=\"15.02\"[^}]*} 1.0\n")
				.contains("ucj_aggregator_batch_seconds_bucket", "ucj_kafka_dead_letters_total",
						"http_server_requests_seconds_bucket"));
		PrometheusScrape after = PrometheusScrape.parse(this.api.get("/actuator/prometheus").body());
		assertThat(after.value("ucj_aggregator_events_total", "outcome", "applied")
				- before.value("ucj_aggregator_events_total", "outcome", "applied"))
			.isEqualTo(1);
		assertThat(after.value("ucj_aggregator_batch_size_count") - before.value("ucj_aggregator_batch_size_count"))
			.isGreaterThanOrEqualTo(1);
	}

	/**
	 * The newest snapshot of the regency published since the mark, as the topic ends now.
	 */
	private JsonNode latestSnapshot(TopicReader changes, Map<TopicPartition, Long> mark, String regency) {
		Map<String, JsonNode> latest = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : changes.readToEnd(mark)) {
			JsonNode snapshot = this.json.readTree(record.value());
			JsonNode previous = latest.get(new String(record.key(), StandardCharsets.UTF_8));
			if (previous == null || previous.get("version").asLong() < snapshot.get("version").asLong()) {
				latest.put(new String(record.key(), StandardCharsets.UTF_8), snapshot);
			}
		}
		return latest.get(regency);
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
