package id.ucj.aggregator.topology;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import id.ucj.contract.ContributionPaid;
import id.ucj.contract.DeregistrationReason;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A topic's worth of participant events for tests, each at its partition and offset as
 * Kafka would place it (partition by participant), and the coverage they must lead to,
 * computed independently of the aggregator: a participant counts where their latest event
 * (by capture time, then by offset) registered them.
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
		return append(
				new ParticipantDeregistered(UUID.randomUUID(), at, participant, DeregistrationReason.LAPSED, null));
	}

	/** The months in which tests compare active participants with the model. */
	static final List<YearMonth> MONTHS = List.of(YearMonth.of(2024, 10), YearMonth.of(2024, 12), YearMonth.of(2025, 1),
			YearMonth.of(2025, 3), YearMonth.of(2025, 6));

	private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	/**
	 * Random registrations (some paid months ahead), re-registrations, moves,
	 * deregistrations, contributions, late uploads and redelivered duplicates.
	 */
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
			else if (choice == 3) {
				YearMonth from = YearMonth.of(2024, 8).plusMonths(random.nextInt(12));
				YearMonth through = from.plusMonths(random.nextInt(4));
				log.append(new ContributionPaid(UUID.randomUUID(), at, participant, from, through,
						FundingSource.values()[random.nextInt(3)], 16_800));
			}
			else {
				Set<Program> programs = EnumSet.of(Program.JKK);
				if (random.nextBoolean()) {
					programs.add(Program.JKM);
				}
				log.append(new ParticipantRegistered(UUID.randomUUID(), at, participant,
						REGENCIES.get(random.nextInt(REGENCIES.size())), Segment.values()[random.nextInt(4)], programs,
						FundingSource.values()[random.nextInt(3)],
						random.nextBoolean() ? null : YearMonth.of(2024, 10).plusMonths(random.nextInt(6))));
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

	/**
	 * Registered participants per regency (and per programme, as {@code 15.03/JKK}), and
	 * active ones in each of {@link #MONTHS} ({@code 15.03@2025-01/active}), computed
	 * month by month from the paid months, regencies with none left out. A participant is
	 * latest where their latest registration or deregistration (by capture time, then
	 * offset) says; their paid months are all that any registration or contribution in
	 * the log paid for.
	 */
	Map<String, Long> expectedCoverage() {
		return expectedCoverage(MONTHS);
	}

	/** As {@link #expectedCoverage()}, with active participants in these months only. */
	Map<String, Long> expectedCoverage(List<YearMonth> activeMonths) {
		Map<String, CountedEvent> latest = new HashMap<>();
		Comparator<CountedEvent> order = Comparator.comparing((CountedEvent e) -> e.event().occurredAt())
			.thenComparingLong(CountedEvent::offset);
		for (CountedEvent event : this.events) {
			if (!(event.event() instanceof ContributionPaid)) {
				latest.merge(event.event().participantId(), event, (a, b) -> (order.compare(a, b) >= 0) ? a : b);
			}
		}
		Map<String, Set<YearMonth>> paid = new HashMap<>();
		for (CountedEvent event : this.events) {
			Set<YearMonth> months = paid.computeIfAbsent(event.event().participantId(), (id) -> new HashSet<>());
			if (event.event() instanceof ParticipantRegistered registered) {
				YearMonth captured = YearMonth.from(registered.occurredAt().atZone(WIB));
				YearMonth through = (registered.paidThrough() != null && registered.paidThrough().isAfter(captured))
						? registered.paidThrough() : captured;
				for (YearMonth month = captured; !month.isAfter(through); month = month.plusMonths(1)) {
					months.add(month);
				}
			}
			else if (event.event() instanceof ContributionPaid contribution) {
				for (YearMonth month = contribution.coverFrom(); !month
					.isAfter(contribution.coverThrough()); month = month.plusMonths(1)) {
					months.add(month);
				}
			}
		}
		Map<String, Long> coverage = new TreeMap<>();
		latest.forEach((participant, event) -> {
			if (event.event() instanceof ParticipantRegistered registered) {
				coverage.merge(registered.regencyCode(), 1L, Long::sum);
				registered.programs()
					.forEach((program) -> coverage.merge(registered.regencyCode() + "/" + program, 1L, Long::sum));
				for (YearMonth month : activeMonths) {
					// Active in M: some month paid in M, M-1 or M-2 (the third unpaid
					// month is the first non-active one).
					Set<YearMonth> months = paid.getOrDefault(participant, Set.of());
					if (months.contains(month) || months.contains(month.minusMonths(1))
							|| months.contains(month.minusMonths(2))) {
						coverage.merge(registered.regencyCode() + "@" + month + "/active", 1L, Long::sum);
					}
				}
			}
		});
		return coverage;
	}

}
