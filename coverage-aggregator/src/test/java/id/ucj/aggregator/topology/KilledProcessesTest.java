package id.ucj.aggregator.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka Streams job as real processes on a real broker and a real MongoDB wire
 * protocol, with the faults machines have: an instance SIGKILLed while it counts (mid
 * transaction), three times; a second instance joining and leaving under load; an
 * instance SIGSTOPped past its session timeout while the other takes its tasks, then
 * SIGCONTed, its late work changing nothing; MongoDB cut off for a while. After each, the
 * counts read over the coverage API equal the independent model's, exactly.
 */
class KilledProcessesTest {

	static final String SUFFIX = "-killed-" + ProcessHandle.current().pid();

	static final String TOPIC = "participant-events" + SUFFIX;

	/** The test clock's month in Sumatra (WIB), where the random log's regencies are. */
	static final List<YearMonth> NOW = List.of(YearMonth.of(2024, 10));

	static final MongoServer mongo = new MongoServer(new MemoryBackend());

	static final TcpProxy mongoProxy = TcpProxy.listen();

	static {
		mongo.bind("127.0.0.1", 0);
		mongoProxy.forwardTo("127.0.0.1", mongo.getLocalAddress().getPort());
	}

	@TempDir
	Path stateDirectories;

	private final List<AggregatorProcess> processes = new ArrayList<>();

	private final EventLog log = EventLog.random(new Random(2026), 6, 800, 12_000);

	private final List<CountedEvent> events = this.log.events();

	private int sent;

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(AggregatorProcess::close);
	}

	@AfterAll
	static void stopMongo() {
		mongoProxy.close();
		mongo.shutdownNow();
	}

	@Test
	void countsExactlyThroughKillsAJoinAPauseAndAMongoOutage() throws Exception {
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(), TOPIC)) {
			AggregatorProcess first = start("first");

			// SIGKILL while counting, three times: each time some of the events just sent
			// are counted, not all.
			Random when = new Random(7);
			for (int kill = 0; kill < 3; kill++) {
				int before = this.sent;
				send(producer, 2000);
				double at = 1 + when.nextInt(1500);
				AggregatorProcess counting = first;
				await(counting + " counting").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> counting.eventsCounted() >= at);
				counting.kill();
				this.processes.remove(counting);
				assertThat(this.sent).isGreaterThan(before);
				first = start("restarted-" + kill);
				assertExact(first);
			}

			// A second instance joins under load, then leaves under load.
			send(producer, 1000);
			AggregatorProcess second = start("second");
			send(producer, 1000);
			assertExact(second);
			send(producer, 500);
			second.close();
			this.processes.remove(second);
			send(producer, 500);
			assertExact(first);

			// One instance paused past its session timeout while another takes its tasks;
			// resumed, it has been fenced, and what it still writes changes nothing.
			AggregatorProcess other = start("other");
			first.pause();
			send(producer, 1500);
			assertExact(other);
			first.resume();
			send(producer, 500);
			assertExact(other);
			assertExact(first);

			// MongoDB cut off: counting goes on, the view waits, and is written once the
			// store is back.
			AggregatorProcess writer = other;
			double failuresBefore = writer.viewFailures() + first.viewFailures();
			mongoProxy.cut();
			send(producer, 1000);
			AggregatorProcess reader = first;
			await("a live view write failing while MongoDB is cut off").atMost(Duration.ofSeconds(60))
				.until(() -> writer.viewFailures() + reader.viewFailures() > failuresBefore);
			mongoProxy.restore();
			send(producer, this.events.size() - this.sent);
			assertExact(other);
		}
	}

	private AggregatorProcess start(String name) throws Exception {
		Path stateDir = this.stateDirectories.resolve(name);
		Files.createDirectories(stateDir);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
		properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongoProxy.port()
				+ "/killed?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000");
		properties.put("spring.kafka.consumer.group-id", "aggregator" + SUFFIX);
		properties.put("ucj.topics.participant-events", TOPIC);
		properties.put("ucj.topics.coverage-changes", "coverage-changes" + SUFFIX);
		properties.put("ucj.counting.state-dir", stateDir);
		properties.put("ucj.topics.partitions", 6);
		// A paused instance loses its tasks within seconds, not the default 45.
		properties.put("spring.kafka.streams.properties.session.timeout.ms", 6000);
		properties.put("spring.kafka.streams.properties.heartbeat.interval.ms", 1000);
		AggregatorProcess process = AggregatorProcess.start(name, properties);
		this.processes.add(process);
		return process;
	}

	private void send(EventProducer producer, int count) {
		int to = Math.min(this.events.size(), this.sent + count);
		this.events.subList(this.sent, to).forEach((event) -> producer.send(event.event()));
		producer.flush();
		this.sent = to;
	}

	private void assertExact(AggregatorProcess process) {
		CoverageClient api = new CoverageClient(process.port());
		Map<String, Long> expected = this.log.prefix(this.sent).expectedCoverage(NOW);
		await("the counts of the first " + this.sent + " events, read from " + process).atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(api.coverage(EventLog.REGENCIES)).isEqualTo(expected));
	}

}
