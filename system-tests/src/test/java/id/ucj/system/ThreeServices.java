package id.ucj.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

/**
 * The three services in-process on one test clock, with topics, consumer groups and
 * MongoDB databases of their own (named after the test), so that test classes do not see
 * each other's data. The notifier can be restarted.
 */
final class ThreeServices implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final TestClock clock = new TestClock();

	private final String name;

	private final Path work;

	private final List<RunningService> running = new ArrayList<>();

	final RunningService enrollment;

	final RunningService aggregator;

	private RunningService notifier;

	ThreeServices(String name, Path work) throws Exception {
		this.name = name + "-" + ProcessHandle.current().pid();
		this.work = work;
		// The enrollment-service keeps nothing in MongoDB, but the others' MongoDB
		// starter is on this class path.
		this.enrollment = start(EnrollmentApplication.class, Map.of("ucj.data-dir", work, "spring.mongodb.uri",
				MongoTestServer.connectionString(this.name + "-enrollment")));
		this.aggregator = start(AggregatorApplication.class,
				Map.of("ucj.coverage.month-check", "100ms", "spring.mongodb.uri",
						MongoTestServer.connectionString(this.name + "-aggregator"), "spring.kafka.consumer.group-id",
						this.name + "-aggregator"));
		startNotifier();
	}

	/** Stops the notifier and starts it again on the same database and consumer group. */
	void restartNotifier() throws Exception {
		this.notifier.close();
		this.running.remove(this.notifier);
		startNotifier();
	}

	/** Waits until the notifier has taken every snapshot now on the topic. */
	void awaitNotifierCaughtUp() {
		ConsumerGroups.awaitCaughtUp(KafkaTestBroker.bootstrapServers(), this.name + "-notifier",
				this.name + "-coverage-changes", Duration.ofSeconds(30));
	}

	HttpTestClient enroller() {
		return this.enrollment.as(TestKeys.ENROLLER);
	}

	HttpTestClient admin() {
		return this.aggregator.as(TestKeys.ADMIN);
	}

	JsonNode coverage(String regency) {
		return JSON.readTree(this.aggregator.as(TestKeys.READER).get("/api/v1/coverage/" + regency).body());
	}

	List<JsonNode> alerts(String regency, String direction) {
		JsonNode page = JSON.readTree(this.notifier.as(TestKeys.READER)
			.get("/api/v1/alerts?regency=" + regency + "&direction=" + direction)
			.body());
		List<JsonNode> alerts = new ArrayList<>();
		page.get("content").forEach(alerts::add);
		return alerts;
	}

	List<Double> thresholds(String regency, String direction) {
		return alerts(regency, direction).stream().map((alert) -> alert.get("threshold").asDouble()).toList();
	}

	/**
	 * Registers workers {@code first} to {@code first + count - 1} of a regency in one
	 * batch through the enrollment API, and checks that every one was accepted.
	 */
	void register(String regency, int first, int count, String funding, String registeredAt, String paidThrough) {
		String items = IntStream.range(first, first + count)
			.mapToObj((i) -> """
					{"nik": "%s", "fullName": "Pekerja %d", "regencyCode": "%s", "segment": "BPU",
					 "programs": ["JKK", "JKM"], "fundingSource": "%s", "registeredAt": "%s"%s}""".formatted(
					nik(regency, i), i, regency, funding, registeredAt,
					(paidThrough != null) ? ", \"paidThrough\": \"" + paidThrough + "\"" : ""))
			.collect(Collectors.joining(",", "{\"registrations\": [", "]}"));
		JsonNode results = JSON.readTree(enroller().post("/api/v1/registrations/batch", items).body()).get("results");
		assertThat(results.findValuesAsString("status")).hasSize(count).containsOnly("ACCEPTED");
	}

	/** A valid NIK issued in {@code regency}, born 1 January 1990, serial {@code i}. */
	static String nik(String regency, int i) {
		return regency.replace(".", "") + "01" + "010190" + "%04d".formatted(i + 1);
	}

	@Override
	public void close() {
		this.running.forEach(RunningService::close);
	}

	private void startNotifier() throws Exception {
		this.notifier = start(NotificationApplication.class,
				Map.of("spring.mongodb.uri", MongoTestServer.connectionString(this.name + "-notifier"),
						"spring.kafka.consumer.group-id", this.name + "-notifier", "ucj.delivery.poll-interval",
						"100ms"));
	}

	private RunningService start(Class<?> application, Map<String, Object> properties) throws Exception {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("ucj.topics.participant-events", this.name + "-participant-events");
		all.put("ucj.topics.coverage-changes", this.name + "-coverage-changes");
		RunningService service = RunningService.start(application, this.work, this.clock, all);
		this.running.add(service);
		return service;
	}

}
