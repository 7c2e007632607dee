package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.EffectiveCoverage;
import id.ucj.aggregator.counting.LapseRule;
import id.ucj.aggregator.counting.Membership;
import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.Program;
import id.ucj.testsupport.CoverageSnapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka Streams counting job, as kafka-streams-examples test theirs: a
 * {@link TopologyTestDriver} with the input and output topics, compared with the coverage
 * computed independently from the event log (random logs with moves, deregistrations,
 * contributions, paid-ahead registrations, late uploads and redelivered duplicates).
 */
class CountingTopologyTest {

	static final Instant T0 = Instant.parse("2024-10-14T02:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CountingTopology.Topics TOPICS = new CountingTopology.Topics("participant-events",
			"participant-events.DLT", "coverage-aggregator-streams-partition-counts", "coverage-changes");

	private static final Duration FLUSH = Duration.ofMillis(100);

	@TempDir
	Path state;

	private final MemoryView view = new MemoryView();

	private final Outcomes outcomes = new Outcomes();

	private TopologyTestDriver driver;

	private TestInputTopic<String, byte[]> events;

	private TestOutputTopic<String, byte[]> snapshots;

	private TestOutputTopic<String, byte[]> deadLetters;

	@AfterEach
	void close() {
		if (this.driver != null) {
			this.driver.close();
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4 })
	void countsRandomLogsAsTheModelDoes(long seed) {
		EventLog log = EventLog.random(new Random(seed), 1, 120, 1_000);
		start();

		log.events().forEach((event) -> send(event.event()));
		flush();

		assertThat(coverage()).as("seed %d", seed).isEqualTo(log.expectedCoverage());
	}

	@Test
	void countsAsTheModelDoesWhateverTheFlushesCutTheLogInto() {
		EventLog log = EventLog.random(new Random(42), 1, 100, 1_000);
		start();

		for (int i = 0; i < log.events().size(); i++) {
			send(log.events().get(i).event());
			if (i % 37 == 0) {
				this.driver.advanceWallClockTime(FLUSH);
			}
		}
		flush();

		assertThat(coverage()).isEqualTo(log.expectedCoverage());
		assertThat(this.view.rejected).as("every write newer than the last").isZero();
	}

	@Test
	void forwardsOnlyTheRegenciesThatChangedCoalesced() {
		EventLog log = new EventLog(1);
		start();
		for (int i = 0; i < 50; i++) {
			log.register("p" + i, "15.03", T0.plusSeconds(i));
		}
		log.register("q", "15.71", T0);
		log.events().forEach((event) -> send(event.event()));
		flush();

		assertThat(this.outcomes.forwarded).as("regencies forwarded, not events").isEqualTo(2);
		List<TestRecord<String, byte[]>> published = this.snapshots.readRecordsToList();
		assertThat(published).extracting(TestRecord::key).containsExactlyInAnyOrder("15.03", "15.71");
		JsonNode sarolangun = JSON
			.readTree(published.stream().filter((r) -> r.key().equals("15.03")).findFirst().orElseThrow().value());
		assertThat(sarolangun.path("registered").asLong()).isEqualTo(50);
		assertThat(published.get(0).headers().lastHeader(CloudEventHeaders.TYPE)).isNotNull();

		send(log.events().get(0).event());
		flush();

		assertThat(this.snapshots.isEmpty()).as("a duplicate changes no regency").isTrue();
		assertThat(this.outcomes.counted).containsEntry(Membership.Outcome.UNCHANGED, 1L);
	}

	@Test
	void logsTheCountsOfEachCommitToTheChangelogs() {
		EventLog log = new EventLog(1);
		start();
		for (int i = 0; i < 3; i++) {
			log.register("p" + i, "15.03", T0.plusSeconds(i));
		}
		log.events().forEach((event) -> send(event.event()));
		flush();

		TaskCounts task = last(changelog(CountingTopology.TASK_COUNTS), "15.03", TaskCountsSerde::decode);
		assertThat(task.counts()).containsEntry(Counts.REGISTERED, 3L);
		assertThat(task.forwarded()).isTrue();
		RegencyCounts regency = last(changelog(CountingTopology.REGENCY_COUNTS), "15.03",
				RegencyStepSerdes::decodeRegency);
		assertThat(regency.total().get(Counts.REGISTERED)).isEqualTo(3L);
		assertThat(regency.written()).isTrue();
	}

	private TestOutputTopic<String, byte[]> changelog(String store) {
		return this.driver.createOutputTopic("counting-topology-test-" + store + "-changelog", new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	private static <T> T last(TestOutputTopic<String, byte[]> changelog, String key,
			java.util.function.BiFunction<byte[], JsonMapper, T> decode) {
		byte[] value = changelog.readKeyValuesToMap().get(key);
		assertThat(value).as("%s in the changelog", key).isNotNull();
		return decode.apply(value, JSON);
	}

	@Test
	void sendsWhatIsNoEventToTheDeadLetterTopicAndCountsTheRest() {
		EventLog log = new EventLog(1);
		start();
		log.register("ani", "15.03", T0);
		RecordHeaders noType = new RecordHeaders();
		this.events.pipeInput(new TestRecord<>("x", "{".getBytes(StandardCharsets.UTF_8), noType));
		send(log.events().get(0).event());
		flush();

		List<TestRecord<String, byte[]>> dead = this.deadLetters.readRecordsToList();
		assertThat(dead).hasSize(1);
		assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("No ce_type header");
		assertThat(this.outcomes.deadLetters).isEqualTo(1);
		assertThat(coverage()).containsEntry("15.03", 1L);
	}

	private void start() {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "counting-topology-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.state.toString());
		this.driver = new TopologyTestDriver(
				CountingTopology.build(TOPICS, LapseRule.BPJS, this.view, JSON, this.outcomes, FLUSH), config);
		this.events = this.driver.createInputTopic(TOPICS.participantEvents(), new StringSerializer(),
				new ByteArraySerializer());
		this.snapshots = this.driver.createOutputTopic(TOPICS.coverageChanges(), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.deadLetters = this.driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	private void send(ParticipantEvent event) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.TYPE, event.type().ceType().getBytes(StandardCharsets.UTF_8));
		this.events.pipeInput(new TestRecord<>(event.participantId(), JSON.writeValueAsBytes(event), headers));
	}

	/** One flush of the counting step, then one of the regency step. */
	private void flush() {
		this.driver.advanceWallClockTime(FLUSH);
		this.driver.advanceWallClockTime(FLUSH);
	}

	/** What the live view holds, in the shape of {@link EventLog#expectedCoverage()}. */
	private Map<String, Long> coverage() {
		Map<String, Long> coverage = new TreeMap<>();
		this.view.held.forEach((code, total) -> {
			Counts counts = total.counts();
			if (counts.get(Counts.REGISTERED) != 0) {
				coverage.put(code, counts.get(Counts.REGISTERED));
			}
			for (Program program : Program.values()) {
				if (counts.get(Counts.program(program)) != 0) {
					coverage.put(code + "/" + program, counts.get(Counts.program(program)));
				}
			}
			for (YearMonth month : EventLog.MONTHS) {
				long active = EffectiveCoverage.of(counts, month).active();
				if (active != 0) {
					coverage.put(code + "@" + month + "/active", active);
				}
			}
		});
		return coverage;
	}

	/**
	 * A live view in memory that keeps, per regency, the newest version written, as the
	 * MongoDB view must.
	 */
	static final class MemoryView implements LiveView {

		final Map<String, RegencyTotal> held = new TreeMap<>();

		int rejected;

		@Override
		public List<CoverageSnapshot> write(List<RegencyTotal> totals) {
			List<CoverageSnapshot> snapshots = new ArrayList<>();
			for (RegencyTotal total : totals) {
				RegencyTotal current = this.held.get(total.regencyCode());
				if (current == null || total.version() > current.version()) {
					this.held.put(total.regencyCode(), total);
				}
				else {
					this.rejected++;
				}
				RegencyTotal now = this.held.get(total.regencyCode());
				snapshots.add(CoverageSnapshots.regency(total.regencyCode())
					.version(now.version())
					.registered(now.counts().get(Counts.REGISTERED))
					.build());
			}
			return snapshots;
		}

	}

	static final class Outcomes implements CountingMetrics {

		final Map<Membership.Outcome, Long> counted = new TreeMap<>();

		long deadLetters;

		long forwarded;

		@Override
		public void counted(Membership.Outcome outcome) {
			this.counted.merge(outcome, 1L, Long::sum);
		}

		@Override
		public void deadLettered() {
			this.deadLetters++;
		}

		@Override
		public void forwarded(int events, int regencies) {
			this.forwarded += regencies;
		}

		@Override
		public void written(int regencies, java.time.Duration took) {
		}

		@Override
		public void viewFailed(int regencies) {
		}

	}

}
