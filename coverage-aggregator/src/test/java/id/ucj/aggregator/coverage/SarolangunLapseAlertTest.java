package id.ucj.aggregator.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.TestPropertySource;

import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import id.ucj.notification.NotificationApplication;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.MongoTestServer;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sarolangun end to end, on a controlled clock: the coverage-aggregator counts a baseline with long paid cover and
 * new workers whose APBD-P cover lasts four months, the notification-service (in-process, on the same broker and
 * the same clock) alerts when the regency reaches its 65% target, and again, once, when that cover and its grace
 * months end and the regency falls back, without any event: only the month turning in Jambi.
 */
@IntegrationTest
@TestPropertySource(properties = "ucj.coverage.month-check=1h")
class SarolangunLapseAlertTest {

	/** Sarolangun scaled down a hundredfold: 1,120 workers, 43% with cover paid for a year. */
	static final long WORKFORCE = 1_120;

	static final int BASELINE = 482;

	/** The APBD-P line's new workers, to 65%: cover October 2024 to January 2025, four months. */
	static final int APBD = 246;

	static final Instant CAPTURED = Instant.parse("2024-10-10T03:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	MonthTurns monthTurns;

	@Autowired
	TopicSettings topics;

	@TempDir
	Path config;

	private ConfigurableApplicationContext notifier;

	private HttpTestClient alerts;

	@AfterEach
	void stopNotifier() {
		if (this.notifier != null) {
			this.notifier.close();
		}
	}

	@Test
	void fallsBelowItsTargetWhenTheApbdCoverAndItsGraceMonthsEndAndOneFellBackAlertFollows() throws Exception {
		this.clock.set(TestClock.START);
		this.monthTurns.publishTurnedMonths();
		startNotifier();
		CoverageClient coverage = new CoverageClient(this.port);
		assertThat(coverage.put("/api/v1/regencies/15.03", "{\"workforce\": %d, \"target\": 0.65}".formatted(WORKFORCE))
			.statusCode()).isEqualTo(200);
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(), this.topics.participantEvents())) {
			for (int i = 0; i < BASELINE; i++) {
				producer.send(registered("baseline-" + i, FundingSource.EMPLOYER, YearMonth.of(2025, 9)));
			}
			for (int i = 0; i < APBD; i++) {
				producer.send(registered("apbd-" + i, FundingSource.APBD, YearMonth.of(2025, 1)));
			}
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(coverage.json("/api/v1/coverage/15.03").get("covered").asLong())
				.isEqualTo(BASELINE + APBD));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("REACHED")).extracting((alert) -> alert.get("threshold").asDouble())
				.containsExactlyInAnyOrder(0.5, 0.65));

		// December to March: the APBD cover is paid through January; February and March are its two grace months.
		for (Instant midnight : List.of(Instant.parse("2024-11-30T17:00:00Z"), Instant.parse("2024-12-31T17:00:00Z"),
				Instant.parse("2025-01-31T17:00:00Z"), Instant.parse("2025-02-28T17:00:00Z"))) {
			this.clock.set(midnight);
			assertThat(this.monthTurns.publishTurnedMonths()).isPositive();
			assertThat(coverage.json("/api/v1/coverage/15.03").get("covered").asLong()).isEqualTo(BASELINE + APBD);
		}
		// Midnight, 1 April 2025, in Jambi (WIB): the third unpaid month, the APBD workers are no longer active.
		this.clock.set(Instant.parse("2025-03-31T17:00:00Z"));
		assertThat(this.monthTurns.publishTurnedMonths()).isPositive();
		assertThat(this.monthTurns.publishTurnedMonths()).as("a month turns once").isZero();
		JsonNode april = coverage.json("/api/v1/coverage/15.03");
		assertThat(april.get("covered").asLong()).isEqualTo(BASELINE);
		assertThat(april.get("registered").asLong()).isEqualTo(BASELINE + APBD);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("FELL_BACK")).hasSize(2));
		assertThat(alerts("FELL_BACK")).filteredOn((alert) -> alert.get("threshold").asDouble() == 0.65)
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.get("coverageRatio").asDouble()).isEqualTo((double) BASELINE / WORKFORCE);
				assertThat(alert.get("crossedAt").asString()).startsWith("2025-03-31T17:00");
			});
		// The milestone below it (50%) falls back too, once; then a restart of the notifier adds nothing.
		this.notifier.close();
		startNotifier();
		this.monthTurns.publishTurnedMonths();
		Thread.sleep(2_000);
		assertThat(alerts("FELL_BACK")).extracting((alert) -> alert.get("threshold").asDouble())
			.containsExactlyInAnyOrder(0.5, 0.65);
		assertThat(alerts("REACHED")).hasSize(2);
	}

	private static ParticipantRegistered registered(String nikHash, FundingSource funding, YearMonth paidThrough) {
		return new ParticipantRegistered(UUID.randomUUID(), CAPTURED, "v1-" + nikHash, "15.03", Segment.BPU,
				Set.of(Program.JKK, Program.JKM), funding, paidThrough);
	}

	private List<JsonNode> alerts(String direction) {
		JsonNode page = JSON.readTree(this.alerts.get("/api/v1/alerts?regency=15.03&direction=" + direction).body());
		List<JsonNode> list = new ArrayList<>();
		page.get("content").forEach(list::add);
		return list;
	}

	/**
	 * The notification-service with its own configuration (its {@code application.yml}, which this module's own
	 * shadows on the class path), on this test's broker, topic and clock, with a MongoDB database of its own that
	 * outlives a restart.
	 */
	private void startNotifier() throws IOException {
		Path applicationYml = this.config.resolve("notification-service.yml");
		try (InputStream in = notifierConfiguration().openStream()) {
			Files.copy(in, applicationYml, StandardCopyOption.REPLACE_EXISTING);
		}
		Map<String, Object> keys = TestKeys.properties();
		List<String> args = new ArrayList<>(List.of("--spring.config.location=file:" + applicationYml, "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
				"--spring.mongodb.uri=" + MongoTestServer.connectionString("sarolangun-notifier-" + ProcessHandle.current().pid()),
				"--ucj.topics.coverage-changes=" + this.topics.coverageChanges(),
				"--spring.kafka.consumer.group-id=sarolangun-notifier-" + ProcessHandle.current().pid(),
				"--ucj.delivery.poll-interval=100ms"));
		keys.forEach((name, value) -> args.add("--" + name + "=" + value));
		this.notifier = new SpringApplicationBuilder(NotificationApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("ucjTestClock", Clock.class,
					() -> this.clock, (definition) -> definition.setPrimary(true)))
			.run(args.toArray(String[]::new));
		this.alerts = new HttpTestClient(((WebServerApplicationContext) this.notifier).getWebServer().getPort(),
				TestKeys.READER);
	}

	private static URL notifierConfiguration() throws IOException {
		URL location = NotificationApplication.class.getProtectionDomain().getCodeSource().getLocation();
		return location.getPath().endsWith(".jar") ? URI.create("jar:" + location + "!/application.yml").toURL()
				: URI.create(location + "application.yml").toURL();
	}

}
