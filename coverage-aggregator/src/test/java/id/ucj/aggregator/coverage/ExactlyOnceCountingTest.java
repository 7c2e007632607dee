package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact counts whatever happens between and around the writes: crashes between the
 * membership and the counter writes, replays cut into other batches, a stale consumer
 * writing late. Every outcome is compared with the coverage computed independently from
 * the event log.
 */
class ExactlyOnceCountingTest {

	static final Instant T0 = Instant.parse("2024-10-14T02:00:00Z");

	final CountingFixture fixture = new CountingFixture();

	@AfterEach
	void dropDatabase() {
		this.fixture.close();
	}

	@Test
	void countsDuplicatesMovesDeregistrationsAndLateUploadsExactly() {
		EventLog log = new EventLog(3);
		log.register("ani", "15.03", T0);
		log.register("ani", "15.03", T0.plusSeconds(10));
		log.append(log.events().get(0).event());
		log.register("budi", "15.03", T0);
		log.register("budi", "15.71", T0.plusSeconds(60));
		log.register("citra", "15.03", T0);
		log.deregister("citra", T0.plusSeconds(60));
		log.deregister("dedi", T0);
		log.register("eka", "15.03", T0.plusSeconds(120));
		log.deregister("eka", T0.plusSeconds(60));

		this.fixture.counting().count(sortedByPosition(log.events()));

		assertThat(this.fixture.coverage()).isEqualTo(log.expectedCoverage())
			.containsEntry("15.03", 2L)
			.containsEntry("15.71", 1L)
			.doesNotContainKey("15.01");
	}

	@Test
	void countsOnceWhenTheConsumerDiesBetweenItsMembershipAndCounterWrites() {
		EventLog log = EventLog.random(new Random(7), 3, 40, 300);
		List<CountedEvent> events = sortedByPosition(log.events());

		assertThatThrownBy(() -> this.fixture.counting(crash()).count(events)).isInstanceOf(Crash.class);
		this.fixture.counting().count(events);

		assertThat(this.fixture.coverage()).isEqualTo(log.expectedCoverage());
	}

	@Test
	void countsOnceWhenAReplayIsCutIntoOtherBatches() {
		EventLog log = EventLog.random(new Random(11), 3, 40, 300);
		List<CountedEvent> events = sortedByPosition(log.events());

		assertThatThrownBy(() -> this.fixture.counting(crash()).count(events)).isInstanceOf(Crash.class);
		for (List<CountedEvent> batch : batches(events, new int[] { 7, 50, 1, 120 })) {
			this.fixture.counting().count(batch);
		}

		assertThat(this.fixture.coverage()).isEqualTo(log.expectedCoverage());
	}

	@Test
	void ignoresAStaleConsumerWritingAfterTheNewOwnerCountedTheSameEvents() {
		EventLog log = EventLog.random(new Random(13), 3, 40, 300);
		List<CountedEvent> events = sortedByPosition(log.events());
		AtomicBoolean overtaken = new AtomicBoolean();

		// The stale consumer stalls between its writes; meanwhile the new owner counts
		// everything.
		this.fixture.counting((ids) -> {
			if (overtaken.compareAndSet(false, true)) {
				this.fixture.counting().count(events);
			}
		}).count(events);

		assertThat(this.fixture.coverage()).isEqualTo(log.expectedCoverage());
	}

	static List<Long> seeds() {
		return new Random(20241014).longs(60).boxed().toList();
	}

	/**
	 * Random logs, consumed in random batches; at random points the consumer crashes
	 * between its writes (and restarts from the last committed offsets), or a second
	 * consumer counts the same batch while the first one stalls. The counts always end
	 * exact.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void alwaysEndsWithExactCountsWhateverTheInterleaving(long seed) {
		Random random = new Random(seed);
		EventLog log = EventLog.random(random, 1 + random.nextInt(4), 5 + random.nextInt(40), 50 + random.nextInt(250));
		List<CountedEvent> events = sortedByPosition(log.events());

		Map<Integer, Long> committed = new HashMap<>();
		int guard = 0;
		while (true) {
			List<CountedEvent> uncommitted = events.stream()
				.filter((event) -> event.offset() >= committed.getOrDefault(event.partition(), 0L))
				.toList();
			if (uncommitted.isEmpty()) {
				break;
			}
			assertThat(guard++).as("progress").isLessThan(10_000);
			List<CountedEvent> batch = uncommitted.subList(0, 1 + random.nextInt(Math.min(uncommitted.size(), 60)));
			int fault = random.nextInt(6);
			try {
				if (fault == 0) {
					this.fixture.counting(crash()).count(batch);
				}
				else if (fault == 1) {
					List<CountedEvent> other = uncommitted.subList(0, 1 + random.nextInt(uncommitted.size()));
					AtomicBoolean once = new AtomicBoolean();
					this.fixture.counting((ids) -> {
						if (once.compareAndSet(false, true)) {
							this.fixture.counting().count(other);
						}
					}).count(batch);
				}
				else {
					this.fixture.counting().count(batch);
				}
				batch.forEach((event) -> committed.merge(event.partition(), event.offset() + 1, Math::max));
			}
			catch (Crash | ConcurrentCounting ex) {
				// The batch is not committed: Kafka delivers it again, maybe cut
				// differently.
			}
		}

		assertThat(this.fixture.coverage()).as("seed %d", seed).isEqualTo(log.expectedCoverage());
	}

	/** Kafka hands out a partition's records in offset order; partitions interleave. */
	private static List<CountedEvent> sortedByPosition(List<CountedEvent> events) {
		return events.stream()
			.sorted(Comparator.comparingLong(CountedEvent::offset).thenComparingInt(CountedEvent::partition))
			.collect(Collectors.toList());
	}

	private static List<List<CountedEvent>> batches(List<CountedEvent> events, int[] sizes) {
		List<List<CountedEvent>> batches = new ArrayList<>();
		int from = 0;
		for (int i = 0; from < events.size(); i++) {
			int to = Math.min(events.size(), from + sizes[i % sizes.length]);
			batches.add(events.subList(from, to));
			from = to;
		}
		return batches;
	}

	private static CrashPoint crash() {
		return (ids) -> {
			throw new Crash();
		};
	}

	static class Crash extends RuntimeException {

	}

}
