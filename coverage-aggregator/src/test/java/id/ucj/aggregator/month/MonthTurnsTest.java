package id.ucj.aggregator.month;

import id.ucj.aggregator.topology.CoverageClient;
import id.ucj.aggregator.topology.EventProducer;
import id.ucj.aggregator.topology.TopicSettings;
import id.ucj.aggregator.view.MonthClaims;
import id.ucj.aggregator.view.CoverageSettings;
import id.ucj.aggregator.view.CoverageStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Regions;
import id.ucj.contract.Segment;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cover lapses without any event: when a month ends in a regency's time zone, its
 * snapshot goes out again with the new coverage, once, whatever number of instances
 * check. The clock is the test's; the scheduler is slowed down so that the test decides
 * when to check.
 */
@IntegrationTest
@TestPropertySource(properties = "ucj.coverage.month-check=1h")
class MonthTurnsTest {

	/** Sarolangun's APBD-P cover: October 2024 to January 2025, four months. */
	static final Instant CAPTURED = Instant.parse("2024-10-10T03:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	MonthTurns monthTurns;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CoverageStore store;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TopicSettings topics;

	@Autowired
	CoverageSettings settings;

	@Autowired
	JsonMapper json;

	@Test
	void publishesSarolangunOnceWhenItsApbdCoverEndsAndItFallsBelowItsTarget() {
		CoverageClient api = new CoverageClient(this.port);
		this.clock.set(TestClock.START);
		this.monthTurns.publishTurnedMonths();
		assertThat(api.put("/api/v1/regencies/15.03", "{\"workforce\": 100, \"target\": 0.65}").statusCode())
			.isEqualTo(200);
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(),
				this.topics.participantEvents())) {
			for (int i = 0; i < 70; i++) {
				producer.send(new ParticipantRegistered(UUID.randomUUID(), CAPTURED, "apbd-" + i, "15.03", Segment.BPU,
						Set.of(Program.JKK, Program.JKM), FundingSource.APBD, YearMonth.of(2025, 1)));
			}
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(api.json("/api/v1/coverage/15.03").get("covered").asLong()).isEqualTo(70));
		JsonNode october = api.json("/api/v1/coverage/15.03");
		assertThat(october.get("lapsing").findValuesAsString("month")).startsWith("2024-11");
		assertThat(october.get("lapsing").get(5).get("month").asString()).isEqualTo("2025-04");
		assertThat(october.get("lapsing").get(5).get("byFundingSource").get("APBD").asLong()).isEqualTo(70);

		TopicReader changes = new TopicReader(KafkaTestBroker.bootstrapServers(), this.topics.coverageChanges());
		// Monday 31 March 2025, 23:00 in Jambi (WIB): March is the last grace month. An
		// hour before midnight, not a
		// second: the test clock moves on with elapsed time, and claiming 514 regencies
		// may take seconds on a busy box.
		this.clock.set(Instant.parse("2025-03-31T16:00:00Z"));
		assertThat(this.monthTurns.publishTurnedMonths()).isEqualTo(514);
		Map<TopicPartition, Long> mark = changes.mark();
		assertThat(api.json("/api/v1/coverage/15.03").get("covered").asLong()).isEqualTo(70);

		// Midnight in Jambi: April. Two instances check at once.
		this.clock.set(Instant.parse("2025-03-31T17:00:00Z"));
		MonthTurns other = new MonthTurns(new MonthClaims(this.mongo), this.store, this.events, this.clock,
				this.settings);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this.monthTurns::publishTurnedMonths);
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(other::publishTurnedMonths);

		int published = first.join() + second.join();
		// A check returns once the broker has acknowledged what it published: the topic
		// as it ends now holds it all.
		List<JsonNode> sarolangun = changes.readToEnd(mark)
			.stream()
			.filter((record) -> "15.03".equals(new String(record.key(), StandardCharsets.UTF_8)))
			.map(this::value)
			.toList();
		changes.close();

		long utcPlus7 = Regions.official()
			.regencies()
			.stream()
			.filter((regency) -> Regions.official()
				.zoneOf(regency.code())
				.orElseThrow()
				.getRules()
				.getOffset(this.clock.instant())
				.getTotalSeconds() == 7 * 3600)
			.count();
		assertThat(published).as("every WIB regency once; WITA and WIT turned at their own midnights")
			.isEqualTo((int) utcPlus7);
		assertThat(sarolangun).hasSize(1);
		assertThat(sarolangun.get(0).get("month").asString()).isEqualTo("2025-04");
		assertThat(sarolangun.get(0).get("covered").asLong()).isZero();
		assertThat(sarolangun.get(0).get("registered").asLong()).isEqualTo(70);
		assertThat(sarolangun.get(0).get("coverageRatio").asDouble()).isZero();
		assertThat(this.monthTurns.publishTurnedMonths()).as("nothing turns twice").isZero();
	}

	private JsonNode value(ConsumerRecord<byte[], byte[]> record) {
		return this.json.readTree(record.value());
	}

}
