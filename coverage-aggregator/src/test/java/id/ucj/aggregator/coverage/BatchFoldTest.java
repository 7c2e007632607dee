package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.LapseRule;
import id.ucj.contract.ContributionPaid;
import id.ucj.contract.FundingSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a batch does, decided without MongoDB: the fold over stored memberships, and what
 * a replay after a crash at each point re-supplies. Counters take a supply only above
 * their recorded offset, which is modelled here by {@link #counted}.
 */
class BatchFoldTest {

	static final Instant T0 = Instant.parse("2024-10-14T02:00:00Z");

	@Test
	void appliesNewEventsAndSuppliesTheirChangesTaggedWithTheirPosition() {
		EventLog log = new EventLog(1);
		log.register("p1", "16.01", T0);
		log.register("p1", "16.02", T0.plusSeconds(60));

		BatchFold.Plan plan = BatchFold.fold(log.events(), Map.of(), LapseRule.BPJS);

		assertThat(plan.outcomes()).containsEntry(BatchFold.Outcome.APPLIED, 1)
			.containsEntry(BatchFold.Outcome.MOVED, 1);
		assertThat(plan.changed()).containsExactly("p1");
		assertThat(plan.memberships().get("p1").regencyCode()).isEqualTo("16.02");
		assertThat(plan.memberships().get("p1").lastOffset()).isEqualTo(1);
		assertThat(plan.supplies()).extracting(BatchFold.Supply::offset).containsExactly(0L, 1L, 1L);
		assertThat(counted(plan.supplies(), Map.of())).containsEntry("16.01", 0L).containsEntry("16.02", 1L);
	}

	@Test
	void resuppliesTheStoredChangesWhenReplayedAfterACrashBetweenTheTwoWrites() {
		EventLog log = new EventLog(1);
		log.register("p1", "16.01", T0);
		log.append(new ContributionPaid(UUID.randomUUID(), T0, "p1", YearMonth.of(2025, 1), YearMonth.of(2025, 3),
				FundingSource.APBD, 50_400));
		BatchFold.Plan first = BatchFold.fold(log.events(), Map.of(), LapseRule.BPJS);

		// The memberships were written, the counters were not: the replay finds them
		// applied.
		BatchFold.Plan replay = BatchFold.fold(log.events(), first.memberships(), LapseRule.BPJS);

		assertThat(replay.outcomes()).containsOnlyKeys(BatchFold.Outcome.REPLAYED);
		assertThat(replay.changed()).isEmpty();
		assertThat(replay.supplies()).isEqualTo(first.supplies());
	}

	@Test
	void skipsWhatWasAlreadyAppliedAndCountedAndAppliesWhatCameAfter() {
		EventLog log = new EventLog(1);
		log.register("p1", "16.01", T0);
		BatchFold.Plan first = BatchFold.fold(log.events(), Map.of(), LapseRule.BPJS);
		// A later batch starts after offset 0: its pending changes of offset 0 are
		// dropped as counted.
		log.deregister("p1", T0.plusSeconds(60));
		Map<String, MembershipDocument> stored = new HashMap<>(first.memberships());

		BatchFold.Plan next = BatchFold.fold(log.events().subList(1, 2), stored, LapseRule.BPJS);
		BatchFold.Plan replayOfBoth = BatchFold.fold(log.events(), next.memberships(), LapseRule.BPJS);

		assertThat(next.outcomes()).containsOnlyKeys(BatchFold.Outcome.APPLIED);
		assertThat(next.memberships().get("p1").pending()).extracting(MembershipDocument.PendingChange::offset)
			.containsExactly(1L);
		assertThat(replayOfBoth.outcomes()).containsEntry(BatchFold.Outcome.ALREADY_COUNTED, 1)
			.containsEntry(BatchFold.Outcome.REPLAYED, 1);
		Map<String, Long> afterAll = counted(replayOfBoth.supplies(), counted(first.supplies(), Map.of()),
				Map.of("16.01", 0L));
		assertThat(afterAll).containsEntry("16.01", 0L);
	}

	/**
	 * Registered participants per regency after adding the supplies above the offsets
	 * already counted.
	 */
	private static Map<String, Long> counted(List<BatchFold.Supply> supplies, Map<String, Long> before) {
		return counted(supplies, before, Map.of());
	}

	private static Map<String, Long> counted(List<BatchFold.Supply> supplies, Map<String, Long> before,
			Map<String, Long> offsets) {
		Map<String, Long> registered = new HashMap<>(before);
		Map<String, Long> countedOffset = new HashMap<>();
		offsets.forEach((regency, offset) -> countedOffset.put(regency, offset));
		for (BatchFold.Supply supply : supplies) {
			if (supply.offset() > countedOffset.getOrDefault(supply.regencyCode(), -1L)) {
				registered.merge(supply.regencyCode(), supply.counts().get(Counts.REGISTERED), Long::sum);
			}
		}
		return registered;
	}

}
