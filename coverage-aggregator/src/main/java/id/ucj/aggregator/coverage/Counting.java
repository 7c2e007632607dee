package id.ucj.aggregator.coverage;

import id.ucj.aggregator.counting.LapseRule;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Counts a batch of participant events into the regency counters exactly once, without
 * multi-document transactions, whatever the batch boundaries of a replay and even with a
 * stale consumer still writing:
 * <ol>
 * <li>memberships are read, the events applied in memory in topic order, and the changed
 * memberships written with compare-and-set on the position of their last event; each
 * keeps the count changes of its recent events;</li>
 * <li>each regency's counters take, per partition, only the changes of events above that
 * partition's recorded offset, in one compare-and-set update per batch on the regency's
 * version; if the version moved, the regency is read again and recomputed.</li>
 * </ol>
 * A replayed event whose membership already records it re-supplies its stored change
 * instead of being applied again, so a crash between the two steps loses nothing and
 * doubles nothing. What the batch does is decided by {@link BatchFold} (pure);
 * {@link Memberships} and {@link Counters} write it; the {@link CrashPoint} between them
 * is where tests stop a consumer.
 */
@Component
class Counting {

	private final Memberships memberships;

	private final Counters counters;

	private final CrashPoint crashPoint;

	private final LapseRule rule;

	Counting(Memberships memberships, Counters counters, CrashPoint crashPoint, LapseRules rules) {
		this.memberships = memberships;
		this.counters = counters;
		this.crashPoint = crashPoint;
		this.rule = rules.rule();
	}

	/**
	 * What a batch did: each event's outcome, and the counters of the regencies it
	 * touched, after it.
	 */
	record Result(Map<BatchFold.Outcome, Integer> outcomes, Map<String, CounterDocument> counters) {
	}

	Result count(List<CountedEvent> events) {
		Map<String, MembershipDocument> stored = this.memberships.load(events);
		BatchFold.Plan plan = BatchFold.fold(events, stored, this.rule);
		this.memberships.write(plan.changed(), stored, plan.memberships());
		this.crashPoint.afterMembershipsWritten(List.copyOf(plan.changed()));
		return new Result(plan.outcomes(), this.counters.add(plan.supplies()));
	}

}
