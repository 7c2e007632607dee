package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import id.ucj.contract.DeregistrationReason;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A topic's worth of participant events for tests, each at its partition and offset as Kafka would place it
 * (partition by participant), and the coverage they must lead to, computed independently of the aggregator: a
 * participant counts where their latest event (by capture time, then by offset) registered them.
 */
final class EventLog {

	static final List<String> REGENCIES = List.of("16.01", "16.02", "16.03", "16.71", "17.01");

	private final int partitions;

	private final Map<Integer, Long> nextOffset = new HashMap<>();

	private final List<CountedEvent> events = new ArrayList<>();

	EventLog(int partitions) {
		this.partitions = partitions;
	}

	List<CountedEvent> events() {
		return this.events;
	}

	CountedEvent append(ParticipantEvent event) {
		int partition = Math.floorMod(event.participantId().hashCode(), this.partitions);
		long offset = this.nextOffset.merge(partition, 1L, Long::sum) - 1;
		CountedEvent counted = new CountedEvent(partition, offset, event);
		this.events.add(counted);
		return counted;
	}

	CountedEvent register(String participant, String regency, Instant at) {
		return append(new ParticipantRegistered(UUID.randomUUID(), at, participant, regency, Segment.BPU,
				Set.of(Program.JKK, Program.JKM), FundingSource.APBD, null));
	}

	CountedEvent deregister(String participant, Instant at) {
		return append(new ParticipantDeregistered(UUID.randomUUID(), at, participant, DeregistrationReason.LAPSED, null));
	}

	/** Random registrations, re-registrations, moves, deregistrations, late uploads and redelivered duplicates. */
	static EventLog random(Random random, int partitions, int participants, int size) {
		EventLog log = new EventLog(partitions);
		Instant start = Instant.parse("2024-10-01T00:00:00Z");
		for (int i = 0; i < size; i++) {
			int choice = random.nextInt(10);
			if (choice == 0 && !log.events.isEmpty()) {
				log.append(log.events.get(random.nextInt(log.events.size())).event());
				continue;
			}
			String participant = "p" + random.nextInt(participants);
			// Capture times wander back and forth: late uploads are common.
			Instant at = start.plusSeconds(i * 60L + random.nextInt(7200) - 3600);
			if (choice <= 2) {
				log.deregister(participant, at);
			}
			else {
				Set<Program> programs = EnumSet.of(Program.JKK);
				if (random.nextBoolean()) {
					programs.add(Program.JKM);
				}
				log.append(new ParticipantRegistered(UUID.randomUUID(), at, participant,
						REGENCIES.get(random.nextInt(REGENCIES.size())), Segment.values()[random.nextInt(4)], programs,
						FundingSource.values()[random.nextInt(3)], null));
			}
		}
		return log;
	}

	/** The first {@code size} events, as the topic held them at some point. */
	EventLog prefix(int size) {
		EventLog prefix = new EventLog(this.partitions);
		prefix.events.addAll(this.events.subList(0, size));
		return prefix;
	}

	/** Covered participants per regency (and per programme, as {@code 15.03/JKK}), regencies with none left out. */
	Map<String, Long> expectedCoverage() {
		Map<String, CountedEvent> latest = new HashMap<>();
		Comparator<CountedEvent> order = Comparator.comparing((CountedEvent e) -> e.event().occurredAt())
			.thenComparingLong(CountedEvent::offset);
		for (CountedEvent event : this.events) {
			latest.merge(event.event().participantId(), event, (a, b) -> (order.compare(a, b) >= 0) ? a : b);
		}
		Map<String, Long> coverage = new TreeMap<>();
		latest.values().forEach((event) -> {
			if (event.event() instanceof ParticipantRegistered registered) {
				coverage.merge(registered.regencyCode(), 1L, Long::sum);
				registered.programs().forEach((program) -> coverage.merge(registered.regencyCode() + "/" + program, 1L, Long::sum));
			}
		});
		return coverage;
	}

}
