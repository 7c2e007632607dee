package id.ucj.aggregator.coverage;

import id.ucj.aggregator.counting.Membership;
import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.LapseRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of participant events does, decided without touching MongoDB: each event's
 * outcome, the memberships it leaves behind, and the count changes to supply to the
 * regency counters, each tagged with the partition and offset it comes from. An event
 * whose membership already records it (a replay after a crash between the two writes)
 * re-supplies its stored change instead of being applied again; one the membership has
 * passed is skipped. {@link Counting} writes the result.
 */
final class BatchFold {

	private BatchFold() {
	}

	enum Outcome {

		APPLIED, MOVED, UNCHANGED, LATE, WRONG_REGENCY,
		/**
		 * Already applied to its membership by an earlier attempt; its stored change was
		 * supplied again.
		 */
		REPLAYED,
		/** Already applied and counted by an earlier attempt. */
		ALREADY_COUNTED

	}

	/**
	 * A change to count: which regency, which partition and offset it comes from, and by
	 * how much.
	 */
	record Supply(String regencyCode, int partition, long offset, Instant occurredAt, Counts counts) {
	}

	/**
	 * @param memberships the batch's memberships after it, by participant
	 * @param changed the participants whose membership must be written
	 */
	record Plan(Map<Outcome, Integer> outcomes, Map<String, MembershipDocument> memberships, Set<String> changed,
			List<Supply> supplies) {
	}

	/**
	 * Folds the events, in topic order, over the memberships as stored, counting cover
	 * with the lapse rule.
	 */
	static Plan fold(List<CountedEvent> events, Map<String, MembershipDocument> stored, LapseRule rule) {
		Map<String, MembershipDocument> working = new HashMap<>(stored);
		Map<Integer, Long> oldestOffset = new HashMap<>();
		events.forEach((event) -> oldestOffset.merge(event.partition(), event.offset(), Math::min));
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		Set<String> changed = new LinkedHashSet<>();
		List<Supply> supplies = new ArrayList<>();
		for (CountedEvent event : events) {
			String participantId = event.event().participantId();
			MembershipDocument current = working.get(participantId);
			MembershipDocument.PendingChange pending = pendingAt(current, event);
			Outcome outcome;
			if (pending != null) {
				pending.changes()
					.forEach((change) -> supplies.add(new Supply(change.regencyCode(), event.partition(),
							event.offset(), pending.occurredAt(), Counts.of(change.counts()))));
				outcome = Outcome.REPLAYED;
			}
			else if (current != null && current.partition() == event.partition()
					&& current.lastOffset() >= event.offset()) {
				outcome = Outcome.ALREADY_COUNTED;
			}
			else {
				Membership before = (current != null) ? current.membership() : Membership.NONE;
				Membership.Transition transition = before.apply(event.event(), rule);
				transition.changes()
					.forEach((regency, counts) -> supplies.add(new Supply(regency, event.partition(), event.offset(),
							event.event().occurredAt(), counts)));
				working.put(participantId, MembershipDocument.after(participantId, current, transition, event,
						oldestOffset.get(event.partition())));
				changed.add(participantId);
				outcome = Outcome.valueOf(transition.outcome().name());
			}
			outcomes.merge(outcome, 1, Integer::sum);
		}
		return new Plan(outcomes, working, changed, supplies);
	}

	private static MembershipDocument.PendingChange pendingAt(MembershipDocument membership, CountedEvent event) {
		if (membership == null || membership.pending() == null || membership.partition() != event.partition()) {
			return null;
		}
		return membership.pending()
			.stream()
			.filter((change) -> change.offset() == event.offset())
			.findFirst()
			.orElse(null);
	}

}
