package id.ucj.aggregator.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.ucj.testsupport.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recount command as an operator runs it, in a JVM of its own against a real broker
 * and a real MongoDB wire protocol: it refuses while an aggregator counts; with them
 * stopped, it counts everything again into a view that was wrong and still held what the
 * engine before Kafka Streams kept per participant, exactly, with versions that keep
 * growing; and an aggregator started after it goes on from there.
 */
class RecountTest {

	static final String SUFFIX = "-recount-" + ProcessHandle.current().pid();

	static final List<YearMonth> NOW = List.of(YearMonth.of(2024, 10));

	static final MongoServer mongo = new MongoServer(new MemoryBackend());

	static {
		mongo.bind("127.0.0.1", 0);
	}

	@TempDir
	Path stateDirectory;

	private final EventLog log = EventLog.random(new Random(11), 6, 400, 4000);

	@AfterAll
	static void stopMongo() {
		mongo.shutdownNow();
	}

	@Test
	void recountsEverythingIntoAnEmptiedViewOnlyWithNoAggregatorRunning() throws Exception {
		String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/recount";
		Map<String, Object> properties = properties(uri);
		List<CountedEvent> events = this.log.events();
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(),
				"participant-events" + SUFFIX)) {
			int half = events.size() / 2;
			events.subList(0, half).forEach((event) -> producer.send(event.event()));
			producer.flush();
			long versionBefore;
			try (AggregatorProcess counting = AggregatorProcess.start("before-recount", properties)) {
				assertExact(counting, half);

				AggregatorProcess.Finished refused = AggregatorProcess.recount(properties);
				assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
				assertThat(refused.output()).contains("Stop every coverage-aggregator first");
			}
			try (MongoClient client = MongoClients.create(uri)) {
				MongoDatabase database = client.getDatabase("recount");
				// What a store of the engine before looked like, and counts gone wrong.
				database.getCollection("memberships").insertOne(new Document("_id", "v1-someone"));
				database.getCollection("counters")
					.updateOne(new Document("_id", "15.03"),
							new Document("$set", new Document("totals.registered", 999_999L).append("partitions",
									new Document("p0", new Document("offset", 5L)))));
				versionBefore = database.getCollection("counters")
					.find(new Document("_id", "15.03"))
					.first()
					.getLong("version");
			}
			events.subList(half, events.size()).forEach((event) -> producer.send(event.event()));
			producer.flush();

			AggregatorProcess.Finished recount = AggregatorProcess.recount(properties);

			assertThat(recount.exitStatus()).as(recount.output()).isZero();
			assertThat(recount.output()).contains("Recounting participant-events" + SUFFIX)
				.contains("100%")
				.contains("Recounted " + String.format("%,d", events.size()) + " events");
			try (MongoClient client = MongoClients.create(uri)) {
				MongoDatabase database = client.getDatabase("recount");
				assertThat(database.listCollectionNames()).doesNotContain("memberships");
				Document sarolangun = database.getCollection("counters").find(new Document("_id", "15.03")).first();
				assertThat(sarolangun.getLong("version")).isGreaterThan(versionBefore);
				assertThat(sarolangun).doesNotContainKey("partitions");
			}
			try (AggregatorProcess after = AggregatorProcess.start("after-recount", properties)) {
				assertExact(after, events.size());
			}
		}
	}

	private Map<String, Object> properties(String uri) throws Exception {
		Path state = this.stateDirectory.resolve("state");
		Files.createDirectories(state);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
		properties.put("spring.mongodb.uri", uri);
		properties.put("spring.kafka.consumer.group-id", "aggregator" + SUFFIX);
		properties.put("ucj.topics.participant-events", "participant-events" + SUFFIX);
		properties.put("ucj.topics.coverage-changes", "coverage-changes" + SUFFIX);
		properties.put("ucj.topics.partitions", 6);
		properties.put("ucj.counting.state-dir", state);
		// A stopped instance stays a member of the job's group until its session times
		// out: seconds here, not the default 45.
		properties.put("spring.kafka.streams.properties.session.timeout.ms", 6000);
		properties.put("spring.kafka.streams.properties.heartbeat.interval.ms", 1000);
		return properties;
	}

	private void assertExact(AggregatorProcess process, int events) {
		CoverageClient api = new CoverageClient(process.port());
		Map<String, Long> expected = this.log.prefix(events).expectedCoverage(NOW);
		await("the counts of the first " + events + " events, read from " + process).atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(api.coverage(EventLog.REGENCIES)).isEqualTo(expected));
	}

}
