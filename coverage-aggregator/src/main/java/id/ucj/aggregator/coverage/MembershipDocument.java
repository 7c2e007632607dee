package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import id.ucj.aggregator.counting.Membership;
import id.ucj.aggregator.counting.Cover;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A participant's membership as stored, with the position ({@code partition},
 * {@code lastOffset}) of the last event applied to it, and the count changes of recent
 * events that the regency counters may not have taken yet: a replay re-supplies those
 * instead of applying the events again. {@code paid} holds the paid month ranges
 * ({@code YYYY-MM} strings).
 */
@Document("memberships")
record MembershipDocument(@Id String participantId, boolean active, String regencyCode, Segment segment,
		Set<Program> programs, FundingSource fundingSource, Instant lastOccurredAt, int partition, long lastOffset,
		List<PendingChange> pending, List<PaidMonths> paid) {

	/** One paid range as stored. */
	record PaidMonths(String from, String through, FundingSource funding) {
	}

	/** The count changes one event caused, by regency. */
	record PendingChange(long offset, Instant occurredAt, List<RegencyChange> changes) {
	}

	record RegencyChange(String regencyCode, Map<String, Long> counts) {
	}

	Membership membership() {
		List<Cover.PaidRange> ranges = (this.paid != null) ? this.paid.stream()
			.map((range) -> new Cover.PaidRange(YearMonth.parse(range.from()), YearMonth.parse(range.through()),
					range.funding()))
			.toList() : List.of();
		return new Membership(this.active, this.regencyCode, this.segment,
				(this.programs != null) ? this.programs : Set.of(), this.fundingSource, this.lastOccurredAt,
				new Cover(ranges));
	}

	/**
	 * After applying the event at {@code offset}: changes of offsets before
	 * {@code oldestUncommitted} are counted for sure (Kafka only hands out a batch once
	 * the previous one completed), so they are dropped.
	 */
	static MembershipDocument after(String participantId, MembershipDocument before, Membership.Transition transition,
			CountedEvent event, long oldestUncommitted) {
		List<PendingChange> pending = new ArrayList<>();
		if (before != null && before.pending() != null) {
			before.pending().stream().filter((change) -> change.offset() >= oldestUncommitted).forEach(pending::add);
		}
		if (!transition.changes().isEmpty()) {
			List<RegencyChange> changes = transition.changes()
				.entrySet()
				.stream()
				.map((change) -> new RegencyChange(change.getKey(), change.getValue().asMap()))
				.toList();
			pending.add(new PendingChange(event.offset(), event.event().occurredAt(), changes));
		}
		Membership next = transition.next();
		List<PaidMonths> paid = next.cover()
			.paid()
			.stream()
			.map((range) -> new PaidMonths(range.from().toString(), range.through().toString(), range.funding()))
			.toList();
		return new MembershipDocument(participantId, next.active(), next.regencyCode(), next.segment(), next.programs(),
				next.fundingSource(), next.lastOccurredAt(), event.partition(), event.offset(), pending, paid);
	}

}
