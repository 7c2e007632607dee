package id.ucj.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ucj.aggregator.AggregatorApplication;
import id.ucj.enrollment.EnrollmentApplication;
import id.ucj.notification.NotificationApplication;
import id.ucj.testsupport.ConsumerGroups;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.MongoTestServer;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sarolangun end to end, on a controlled clock: field apps register a baseline with a year of paid cover and the
 * new workers whose APBD-P cover lasts four months; the regency reaches its 65% target, and falls back, with one
 * alert, when that cover and its grace months end: no event, only the month turning in Jambi (WIB).
 */
class SarolangunLapseTest {

	/** Sarolangun scaled down a hundredfold: 1,120 workers, 43% with cover paid for a year. */
	static final long WORKFORCE = 1_120;

	static final int BASELINE = 482;

	/** The APBD-P line's new workers, to 65%: cover from October 2024 through January 2025, four months. */
	static final int APBD = 246;

	static final String CAPTURED = "2024-10-10T03:00:00Z";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	private final TestClock clock = new TestClock();

	private final String run = "sarolangun-" + ProcessHandle.current().pid();

	private final List<RunningService> services = new ArrayList<>();

	private RunningService notifier;

	@AfterEach
	void stop() {
		this.services.forEach(RunningService::close);
	}

	@Test
	void fallsBelowItsTargetWhenTheApbdCoverAndItsGraceMonthsEndAndOneFellBackAlertFollows() throws Exception {
		HttpTestClient enrollment = start(EnrollmentApplication.class, Map.of("ucj.data-dir", this.work))
			.as(TestKeys.ENROLLER);
		RunningService aggregator = start(AggregatorApplication.class, Map.of("ucj.coverage.month-check", "100ms",
				"spring.mongodb.uri", MongoTestServer.connectionString(this.run + "-aggregator"),
				"spring.kafka.consumer.group-id", this.run + "-aggregator"));
		HttpTestClient coverage = aggregator.as(TestKeys.READER);
		startNotifier();

		assertThat(aggregator.as(TestKeys.ADMIN)
			.put("/api/v1/regencies/15.03", "{\"workforce\": %d, \"target\": 0.65}".formatted(WORKFORCE))
			.statusCode()).isEqualTo(200);
		register(enrollment, 0, BASELINE, "EMPLOYER", "2025-09");
		register(enrollment, BASELINE, APBD, "APBD", "2025-01");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(json(coverage, "/api/v1/coverage/15.03").get("covered").asLong())
				.isEqualTo(BASELINE + APBD));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(thresholds("REACHED")).containsExactlyInAnyOrder(0.5, 0.65));

		// March 2025 in Jambi: the APBD cover was paid through January; February and March are its grace months.
		this.clock.set(Instant.parse("2025-03-31T16:59:00Z"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(json(coverage, "/api/v1/coverage/15.03").get("month").asString())
				.isEqualTo("2025-03"));
		assertThat(json(coverage, "/api/v1/coverage/15.03").get("covered").asLong()).isEqualTo(BASELINE + APBD);
		assertThat(thresholds("FELL_BACK")).isEmpty();

		// Midnight, 1 April 2025, in Jambi: the third unpaid month; the APBD workers are no longer active.
		this.clock.set(Instant.parse("2025-03-31T17:00:00Z"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(thresholds("FELL_BACK")).hasSize(2));
		JsonNode april = json(coverage, "/api/v1/coverage/15.03");
		assertThat(april.get("month").asString()).isEqualTo("2025-04");
		assertThat(april.get("covered").asLong()).isEqualTo(BASELINE);
		assertThat(april.get("registered").asLong()).isEqualTo(BASELINE + APBD);
		assertThat(alerts("FELL_BACK")).filteredOn((alert) -> alert.get("threshold").asDouble() == 0.65)
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.get("coverageRatio").asDouble()).isEqualTo((double) BASELINE / WORKFORCE);
				assertThat(alert.get("crossedAt").asString()).startsWith("2025-03-31T17:00");
			});

		// The 50% milestone fell back too, once; a restarted notifier re-reading the topic adds nothing.
		this.notifier.close();
		this.services.remove(this.notifier);
		startNotifier();
		ConsumerGroups.awaitCaughtUp(KafkaTestBroker.bootstrapServers(), this.run + "-notifier",
				aggregator.property("ucj.topics.coverage-changes"), Duration.ofSeconds(30));
		assertThat(thresholds("FELL_BACK")).containsExactlyInAnyOrder(0.5, 0.65);
		assertThat(thresholds("REACHED")).containsExactlyInAnyOrder(0.5, 0.65);
	}

	private RunningService start(Class<?> application, Map<String, Object> properties) throws Exception {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("ucj.topics.participant-events", this.run + "-participant-events");
		all.put("ucj.topics.coverage-changes", this.run + "-coverage-changes");
		RunningService service = RunningService.start(application, this.work, this.clock, all);
		this.services.add(service);
		return service;
	}

	private void startNotifier() throws Exception {
		this.notifier = start(NotificationApplication.class,
				Map.of("spring.mongodb.uri", MongoTestServer.connectionString(this.run + "-notifier"),
						"spring.kafka.consumer.group-id", this.run + "-notifier", "ucj.delivery.poll-interval", "100ms"));
	}

	/** Registers workers {@code first} to {@code first + count - 1} of Sarolangun in one batch. */
	private static void register(HttpTestClient enrollment, int first, int count, String funding, String paidThrough) {
		String items = IntStream.range(first, first + count)
			.mapToObj((i) -> """
					{"nik": "%s", "fullName": "Pekerja %d", "regencyCode": "15.03", "segment": "BPU",
					 "programs": ["JKK", "JKM"], "fundingSource": "%s", "registeredAt": "%s", "paidThrough": "%s"}"""
				.formatted(nik(i), i, funding, CAPTURED, paidThrough))
			.collect(Collectors.joining(",", "{\"registrations\": [", "]}"));
		JsonNode results = JSON.readTree(enrollment.post("/api/v1/registrations/batch", items).body()).get("results");
		assertThat(results.findValuesAsString("status")).hasSize(count).containsOnly("ACCEPTED");
	}

	/** A valid NIK of Sarolangun (15.03), born 1 January 1990, serial {@code i}. */
	private static String nik(int i) {
		return "150301" + "010190" + "%04d".formatted(i + 1);
	}

	private List<Double> thresholds(String direction) {
		return alerts(direction).stream().map((alert) -> alert.get("threshold").asDouble()).toList();
	}

	private List<JsonNode> alerts(String direction) {
		JsonNode page = json(this.notifier.as(TestKeys.READER), "/api/v1/alerts?regency=15.03&direction=" + direction);
		List<JsonNode> alerts = new ArrayList<>();
		page.get("content").forEach(alerts::add);
		return alerts;
	}

	private static JsonNode json(HttpTestClient client, String path) {
		return JSON.readTree(client.get(path).body());
	}

}
