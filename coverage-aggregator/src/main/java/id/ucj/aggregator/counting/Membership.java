package id.ucj.aggregator.counting;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import id.ucj.contract.ContributionPaid;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Regions;
import id.ucj.contract.Segment;

/**
 * Where a participant stands: registered or not, in which regency, for what, and their
 * paid cover. Registrations and deregistrations take effect in the order they happened
 * ({@code occurredAt}): one older than the latest applied changes nothing, so a late
 * upload cannot undo what was captured after it. Contributions are facts: they add to the
 * paid cover whenever they arrive (before the registration too), and a move keeps the
 * cover.
 *
 * @param active registered and not deregistered since
 * @param lastOccurredAt of the latest registration or deregistration applied
 */
public record Membership(boolean active, String regencyCode, Segment segment, Set<Program> programs,
		FundingSource fundingSource, Instant lastOccurredAt, Cover cover) {

	/** Someone never seen before. */
	public static final Membership NONE = new Membership(false, null, null, Set.of(), null, null, Cover.NONE);

	/**
	 * The membership after the event, and what that changes in each regency's counts
	 * under the lapse rule.
	 */
	public Transition apply(ParticipantEvent event, LapseRule rule) {
		if (event instanceof ContributionPaid paid) {
			Membership next = new Membership(this.active, this.regencyCode, this.segment, this.programs,
					this.fundingSource, this.lastOccurredAt,
					this.cover.with(new Cover.PaidRange(paid.coverFrom(), paid.coverThrough(), paid.fundingSource())));
			Map<String, Counts> changes = changes(this, next, rule);
			return new Transition(next, changes, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED);
		}
		if (this.lastOccurredAt != null && event.occurredAt().isBefore(this.lastOccurredAt)) {
			// Too late to say where the participant is; what the registration paid for is
			// still paid.
			Membership next = (event instanceof ParticipantRegistered registered)
					? new Membership(this.active, this.regencyCode, this.segment, this.programs, this.fundingSource,
							this.lastOccurredAt, this.cover.with(paidBy(registered)))
					: this;
			return new Transition(next, changes(this, next, rule), Outcome.LATE);
		}
		if (event instanceof ParticipantDeregistered deregistered && deregistered.regencyCode() != null
				&& !deregistered.regencyCode().equals(this.regencyCode)) {
			return new Transition(this, Map.of(), Outcome.WRONG_REGENCY);
		}
		Membership next = (event instanceof ParticipantRegistered registered)
				? new Membership(true, registered.regencyCode(), registered.segment(), registered.programs(),
						registered.fundingSource(), registered.occurredAt(), this.cover.with(paidBy(registered)))
				: new Membership(false, this.regencyCode, this.segment, this.programs, this.fundingSource,
						event.occurredAt(), this.cover);
		Map<String, Counts> changes = changes(this, next, rule);
		Outcome outcome = changes.isEmpty() ? Outcome.UNCHANGED
				: (this.active && next.active && !this.regencyCode.equals(next.regencyCode)) ? Outcome.MOVED
						: Outcome.APPLIED;
		return new Transition(next, changes, outcome);
	}

	public enum Outcome {

		/** Changed the counts. */
		APPLIED,
		/** Moved a covered participant from one regency to another. */
		MOVED,
		/**
		 * Changed nothing: a duplicate, a re-registration in the same regency, a
		 * deregistration of nobody.
		 */
		UNCHANGED,
		/** Older than the participant's latest applied event: ignored. */
		LATE,
		/**
		 * A deregistration naming a regency the participant is not covered in: ignored.
		 */
		WRONG_REGENCY

	}

	public record Transition(Membership next, Map<String, Counts> changes, Outcome outcome) {
	}

	private static Map<String, Counts> changes(Membership before, Membership after, LapseRule rule) {
		if (before.equals(after)) {
			return Map.of();
		}
		if (before.active && after.active && before.sameRegistration(after)) {
			// Only the cover changed (a contribution, a late registration's paid
			// months): the counters of the registration itself would cancel out.
			Counts cover = before.cover.counts(before.segment, -1, rule)
				.add(after.cover.counts(after.segment, 1, rule));
			return cover.isEmpty() ? Map.of() : Map.of(after.regencyCode, cover);
		}
		Map<String, Counts> changes = new HashMap<>();
		if (before.active) {
			changes.computeIfAbsent(before.regencyCode, (code) -> new Counts()).add(before.contribution(-1, rule));
		}
		if (after.active) {
			changes.computeIfAbsent(after.regencyCode, (code) -> new Counts()).add(after.contribution(1, rule));
		}
		if (!before.active && after.active) {
			changes.get(after.regencyCode).add(Counts.REGISTRATIONS, 1);
		}
		else if (before.active && !after.active) {
			changes.get(before.regencyCode).add(Counts.DEREGISTRATIONS, 1);
		}
		else if (before.active && !before.regencyCode.equals(after.regencyCode)) {
			changes.get(before.regencyCode).add(Counts.MOVED_OUT, 1);
			changes.get(after.regencyCode).add(Counts.MOVED_IN, 1);
		}
		changes.values().removeIf(Counts::isEmpty);
		return changes;
	}

	/**
	 * A registration pays for the month it was captured in (the regency's month), through
	 * {@code paidThrough} when it names one.
	 */
	public static Cover.PaidRange paidBy(ParticipantRegistered registered) {
		ZoneId zone = Regions.official().zoneOf(registered.regencyCode()).orElse(ZoneOffset.UTC);
		YearMonth captured = YearMonth.from(registered.occurredAt().atZone(zone));
		YearMonth through = (registered.paidThrough() != null && registered.paidThrough().isAfter(captured))
				? registered.paidThrough() : captured;
		return new Cover.PaidRange(captured, through, registered.fundingSource());
	}

	/** Registered in the same regency, segment, funding and programmes. */
	private boolean sameRegistration(Membership other) {
		return this.regencyCode.equals(other.regencyCode) && this.segment == other.segment
				&& this.fundingSource == other.fundingSource && this.programs.equals(other.programs);
	}

	private Counts contribution(int sign, LapseRule rule) {
		Counts counts = new Counts().add(Counts.REGISTERED, sign)
			.add(this.cover.counts(this.segment, sign, rule))
			.add(Counts.segment(this.segment), sign)
			.add(Counts.funding(this.fundingSource), sign);
		EnumSet.copyOf(this.programs).forEach((program) -> counts.add(Counts.program(program), sign));
		return counts;
	}

}
