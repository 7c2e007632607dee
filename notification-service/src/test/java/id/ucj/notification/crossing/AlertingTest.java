package id.ucj.notification.crossing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.NotificationApplication;
import id.ucj.testsupport.ConsumerGroups;
import id.ucj.testsupport.CoverageSnapshots;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.PrometheusScrape;
import id.ucj.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots through a real broker, alerts in a real MongoDB wire protocol, delivered to a
 * real HTTP webhook receiver (WireMock) and a real SMTP server (GreenMail).
 */
@IntegrationTest
class AlertingTest {

	static final String SECRET = "test-only-webhook-secret";

	/** How often the outbox looks for due deliveries here. */
	static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	/** The longest back-off between two attempts of a delivery here. */
	static final Duration MAX_BACK_OFF = Duration.ofSeconds(1);

	static final WireMockServer webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		webhook.start();
		webhook.stubFor(post("/alerts").willReturn(ok()));
		smtp.start();
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("ucj.channels.webhook.url", () -> webhook.baseUrl() + "/alerts");
		registry.add("ucj.channels.webhook.secret", () -> SECRET);
		registry.add("ucj.channels.email.to", () -> "ops@ucj.test");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("ucj.delivery.poll-interval", () -> POLL_INTERVAL.toMillis() + "ms");
		registry.add("ucj.delivery.initial-back-off", () -> "200ms");
		registry.add("ucj.delivery.max-back-off", () -> MAX_BACK_OFF.toMillis() + "ms");
	}

	@AfterAll
	static void stopReceivers() {
		webhook.stop();
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Value("${ucj.topics.coverage-changes}")
	String topic;

	@Autowired
	JsonMapper json;

	@Autowired
	Environment environment;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void connect() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		this.producer = new KafkaProducer<>(config);
	}

	@AfterEach
	void close() {
		this.producer.close();
	}

	@Test
	void alertsOncePerCrossingAsSarolangunRisesFallsBackAndRecovers() throws Exception {
		List<CoverageSnapshot> rising = new ArrayList<>();
		long version = 1;
		for (int covered = 48_160; covered <= 73_920; covered += 1_120) {
			rising.add(sarolangun(covered, version++));
		}
		rising.forEach(this::send);
		this.producer.flush();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("regency=15.03")).hasSize(2));
		List<JsonNode> reached = alerts("regency=15.03");
		assertThat(reached).extracting((alert) -> alert.get("threshold").asDouble()).containsExactly(0.65, 0.5);
		assertThat(reached).allSatisfy((alert) -> assertThat(alert.get("direction").asString()).isEqualTo("REACHED"));
		JsonNode target = reached.get(0);
		assertThat(target.get("regencyName").asString()).isEqualTo("Kabupaten Sarolangun");
		assertThat(target.get("provinceCode").asString()).isEqualTo("15");
		assertThat(target.get("coverageRatio").asDouble()).isEqualTo(0.65);
		assertThat(target.get("covered").asLong()).isEqualTo(72_800);
		assertThat(target.get("workforce").asLong()).isEqualTo(112_000);
		assertThat(target.get("crossedAt").asString()).isNotBlank();
		assertThat(target.get("detectedAt").asString()).isNotBlank();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (JsonNode alert : reached) {
				String id = alert.get("id").asString();
				assertThat(webhookRequestsFor(id)).hasSize(1);
				assertThat(emailsFor(id)).hasSize(1);
			}
		});

		send(sarolangun(72_240, version++));
		send(sarolangun(70_560, version++));
		send(sarolangun(72_800, version++));
		this.producer.flush();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("regency=15.03")).hasSize(4));
		assertThat(alerts("regency=15.03&direction=FELL_BACK")).singleElement()
			.satisfies((alert) -> assertThat(alert.get("coverageRatio").asDouble()).isEqualTo(0.63));
		assertThat(alerts("province=15&direction=FELL_BACK")).hasSize(1);
		assertThat(alerts("province=11")).isEmpty();
		assertThat(alerts("regency=15.03")).extracting((alert) -> alert.get("direction").asString())
			.containsExactly("REACHED", "FELL_BACK", "REACHED", "REACHED");

		// Everything again, twice, shuffled: stale versions change nothing.
		List<CoverageSnapshot> replay = new ArrayList<>(rising);
		replay.addAll(rising);
		Collections.shuffle(replay, new Random(7));
		replay.forEach(this::send);
		this.producer.flush();
		awaitEverySnapshotTaken();
		assertThat(alerts("regency=15.03")).hasSize(4);
	}

	/**
	 * Muaro Jambi's APBD cover (four months) ends with no deregistration at all: when
	 * March turns into April, the aggregator publishes the regency again with the lapsed
	 * participants no longer covered (what its MonthTurnsTest shows), possibly twice; one
	 * FELL_BACK per threshold follows.
	 */
	@Test
	void fallsBackOnceWhenPaidCoverLapsesAtAMonthEnd() {
		send(muaroJambi(70, 1, "2025-03", Instant.parse("2025-03-20T03:00:00Z")));
		this.producer.flush();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("regency=15.05")).hasSize(2));

		CoverageSnapshot april = muaroJambi(0, 2, "2025-04", Instant.parse("2025-03-31T17:00:00Z"));
		send(april);
		send(april);
		this.producer.flush();
		awaitEverySnapshotTaken();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("regency=15.05&direction=FELL_BACK")).hasSize(2));
		assertThat(alerts("regency=15.05&direction=FELL_BACK"))
			.filteredOn((alert) -> alert.get("threshold").asDouble() == 0.65)
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.get("coverageRatio").asDouble()).isZero();
				assertThat(alert.get("crossedAt").asString()).isEqualTo("2025-03-31T17:00:00Z");
			});
	}

	@Test
	void alertsOnceWhenAForecastPutsARegencyAtRiskAndOnceWhenRenewalsClearIt() {
		// Tanjung Jabung Timur (15.07) at 70% of 1,000, its target 65%: 60 participants'
		// cover lapses in December.
		CoverageSnapshot atRisk = tanjungJabungTimur(1, 700, 690, 640, 640);
		send(atRisk);
		send(atRisk);
		send(tanjungJabungTimur(2, 700, 690, 640, 640));
		this.producer.flush();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("regency=15.07&direction=AT_RISK"))
				.filteredOn((alert) -> alert.get("threshold").asDouble() == 0.65)
				.singleElement()
				.satisfies((alert) -> {
					assertThat(alert.get("riskMonth").asString()).isEqualTo("2024-12");
					assertThat(alert.get("renewalsNeeded").asLong()).isEqualTo(10);
					assertThat(alert.get("renewalCost").asLong()).isEqualTo(168_000);
					assertThat(webhookRequestsFor(alert.get("id").asString())).singleElement()
						.satisfies(
								(request) -> assertThat(request.getBodyAsString()).contains("\"riskMonth\":\"2024-12\"")
									.contains("\"renewalsNeeded\":10")
									.contains("\"renewalCost\":168000"));
				}));

		// Renewals paid: the forecast holds at 700.
		send(tanjungJabungTimur(3, 700, 700, 700, 700));
		send(tanjungJabungTimur(1, 700, 690, 640, 640));
		this.producer.flush();
		awaitEverySnapshotTaken();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("regency=15.07&direction=RISK_CLEARED")).singleElement()
				.satisfies((alert) -> assertThat(alert.get("riskMonth").asString()).isEqualTo("2024-12")));
		assertThat(alerts("regency=15.07&direction=AT_RISK")).hasSize(1);
	}

	@Test
	void alertsOnceAcrossARestartAndASecondInstance() {
		long version = 1;
		send(merangin(300, version++));
		this.producer.flush();
		await("Merangin's first snapshot taken").atMost(Duration.ofSeconds(30))
			.until(() -> watchedVersion("15.02") == 1);
		assertThat(alerts("regency=15.02")).as("0.3 is below every threshold").isEmpty();

		ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
				"--spring.mongodb.uri=" + this.environment.getProperty("spring.mongodb.uri"),
				"--ucj.topics.coverage-changes=" + this.topic,
				"--spring.kafka.consumer.group-id=" + this.environment.getProperty("spring.kafka.consumer.group-id"),
				"--ucj.delivery.poll-interval=100ms");
		try {
			// This instance goes down mid-way; the second one takes over, then both run.
			this.listeners.getListenerContainer("notification-service").stop();
			List<CoverageSnapshot> rising = new ArrayList<>();
			for (int covered = 400; covered <= 900; covered += 100) {
				rising.add(merangin(covered, version++));
			}
			rising.forEach(this::send);
			this.producer.flush();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts("regency=15.02")).hasSize(2));
			this.listeners.getListenerContainer("notification-service").start();
			rising.forEach(this::send);
			rising.forEach(this::send);
			this.producer.flush();
			awaitEverySnapshotTaken();
			assertThat(alerts("regency=15.02")).hasSize(2);
		}
		finally {
			second.close();
		}
		assertThat(alerts("regency=15.02")).extracting((alert) -> alert.get("threshold").asDouble())
			.containsExactlyInAnyOrder(0.5, 0.8);
	}

	@Test
	void deliversToAWebhookThatWasDownOnceItReturnsWithOneKeyAndAValidSignature() throws Exception {
		webhook.stubFor(post("/alerts").withRequestBody(containing("\"15.04\""))
			.atPriority(1)
			.willReturn(aResponse().withStatus(503)));

		send(CoverageSnapshots.regency("15.04").covered(600).workforce(1000).target(0.6).build());
		this.producer.flush();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts("regency=15.04")).hasSize(2));
		String id = alerts("regency=15.04&page=0&size=1").get(0).get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(webhookRequestsFor(id)).hasSizeGreaterThanOrEqualTo(3));
		assertThat(this.json
			.readTree(new HttpTestClient(this.port, TestKeys.READER).get("/api/v1/alerts?regency=15.04").body())
			.toString()).contains("PENDING");

		webhook.stubFor(post("/alerts").withRequestBody(containing("\"15.04\"")).atPriority(1).willReturn(ok()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("regency=15.04"))
				.allSatisfy((alert) -> assertThat(alert.get("deliveries").get("webhook").get("status").asString())
					.isEqualTo("DELIVERED")));
		int attempts = webhookRequestsFor(id).size();
		// The point is that nothing more happens, which only time can show. An attempt
		// after the delivery would come
		// from a poll finding the alert due again: within the longest back-off and one
		// poll of the last attempt, so
		// twice that is long enough.
		Duration quiet = MAX_BACK_OFF.plus(POLL_INTERVAL).multipliedBy(2);
		await().during(quiet).atMost(quiet.plusSeconds(3)).until(() -> webhookRequestsFor(id).size() == attempts);
		for (LoggedRequest request : webhookRequestsFor(id)) {
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id);
			String timestamp = request.getHeader("X-UCJ-Timestamp");
			assertThat(Long.parseLong(timestamp)).isCloseTo(this.clock.instant().getEpochSecond(), within(120L));
			assertThat(request.getHeader("X-UCJ-Signature")).isEqualTo("sha256=" + hmac(timestamp, request.getBody()));
		}
	}

	@Test
	void reportsUpAgainstAnyMongoDbCompatibleServer() {
		assertThat(new HttpTestClient(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void countsAlertsDeliveriesAndDeadLettersInPrometheus() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.READER);
		awaitEveryAlertDelivered();
		PrometheusScrape before = PrometheusScrape.of(api);

		// Bungo at its 0.6 target on its first snapshot: the 0.5 milestone and the
		// target, two alerts.
		send(CoverageSnapshots.regency("15.08").covered(600).workforce(1000).target(0.6).build());
		this.producer
			.send(new ProducerRecord<>(this.topic, "15.08", "{not a snapshot".getBytes(StandardCharsets.UTF_8)));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape after = PrometheusScrape.of(api);
			assertThat(increase(before, after, "ucj_alerts_total", "direction", "REACHED")).isEqualTo(2);
			assertThat(
					increase(before, after, "ucj_alert_deliveries_total", "channel", "webhook", "outcome", "delivered"))
				.isEqualTo(2);
			assertThat(
					increase(before, after, "ucj_alert_deliveries_total", "channel", "email", "outcome", "delivered"))
				.isEqualTo(2);
			assertThat(increase(before, after, "ucj_kafka_dead_letters_total", "topic", this.topic + ".DLT"))
				.isEqualTo(1);
			assertThat(after.value("ucj_alert_delivery_latency_seconds_count", "channel", "webhook")
					- before.value("ucj_alert_delivery_latency_seconds_count", "channel", "webhook"))
				.isEqualTo(2);
			assertThat(after.matching("ucj_alert_outbox_backlog", "channel", "webhook")).singleElement()
				.satisfies((backlog) -> assertThat(backlog.value()).isZero());
			assertThat(after.matching("ucj_alert_outbox_backlog", "channel", "email")).singleElement()
				.satisfies((backlog) -> assertThat(backlog.value()).isZero());
		});
		assertThat(alerts("regency=15.08")).hasSize(2);
	}

	private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	/**
	 * Alerts of other tests, still on their way, would move the delivery counters too.
	 */
	private void awaitEveryAlertDelivered() {
		await("every earlier alert delivered").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(alerts("size=100")).allSatisfy((alert) -> alert.get("deliveries")
				.forEach((delivery) -> assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED"))));
	}

	/**
	 * Once the service's consumer group has committed everything on the topic, every
	 * snapshot sent was taken.
	 */
	private void awaitEverySnapshotTaken() {
		ConsumerGroups.awaitCaughtUp(KafkaTestBroker.bootstrapServers(),
				this.environment.getProperty("spring.kafka.consumer.group-id"), this.topic, Duration.ofSeconds(60));
	}

	private long watchedVersion(String regency) {
		RegencyWatch watch = this.mongo.findById(regency, RegencyWatch.class);
		return (watch != null) ? watch.version() : 0;
	}

	private List<LoggedRequest> webhookRequestsFor(String id) {
		return webhook.findAll(postRequestedFor(urlEqualTo("/alerts")).withHeader("Idempotency-Key", equalTo(id)));
	}

	private List<MimeMessage> emailsFor(String id) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (id.equals(message.getHeader("X-UCJ-Alert-Id", null))) {
				messages.add(message);
			}
		}
		return messages;
	}

	private List<JsonNode> alerts(String query) {
		JsonNode page = this.json
			.readTree(new HttpTestClient(this.port, TestKeys.READER).get("/api/v1/alerts?" + query).body());
		List<JsonNode> alerts = new ArrayList<>();
		page.get("content").forEach(alerts::add);
		return alerts;
	}

	private void send(CoverageSnapshot snapshot) {
		this.producer
			.send(new ProducerRecord<>(this.topic, snapshot.regencyCode(), this.json.writeValueAsBytes(snapshot)));
	}

	private static CoverageSnapshot muaroJambi(long covered, long version, String month, Instant at) {
		return CoverageSnapshots.regency("15.05")
			.covered(covered)
			.workforce(100)
			.target(0.65)
			.asOf(at)
			.version(version)
			.registrations(70)
			.month(YearMonth.parse(month))
			.registered(70)
			.protectedCount(0)
			.build();
	}

	/**
	 * Covered now (October 2024) of 1,000, target 65%, and the forecast from November.
	 */
	private static CoverageSnapshot tanjungJabungTimur(long version, long covered, long... forecast) {
		return CoverageSnapshots.regency("15.07")
			.covered(covered)
			.workforce(1000)
			.target(0.65)
			.asOf(publishedAt(version))
			.version(version)
			.month(YearMonth.of(2024, 10))
			.registered(covered)
			.protectedCount(covered)
			.forecast(YearMonth.of(2024, 11), forecast)
			.premium(16_800)
			.build();
	}

	private static CoverageSnapshot sarolangun(long covered, long version) {
		return CoverageSnapshots.sarolangun()
			.covered(covered)
			.workforce(112_000)
			.target(0.65)
			.asOf(publishedAt(version))
			.version(version)
			.build();
	}

	private static CoverageSnapshot merangin(long covered, long version) {
		return CoverageSnapshots.regency("15.02")
			.covered(covered)
			.workforce(1000)
			.target(0.99)
			.asOf(publishedAt(version))
			.version(version)
			.build();
	}

	/** Version n of a snapshot is published n minutes into 14 October 2024. */
	private static Instant publishedAt(long version) {
		return Instant.parse("2024-10-14T00:00:00Z").plusSeconds(version * 60);
	}

	/** What a receiver computes: HMAC-SHA256 over "<timestamp>.<body>". */
	private static String hmac(String timestamp, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
