package id.ucj.aggregator.counting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.ucj.aggregator.forecast.MonthOutlook;
import id.ucj.contract.ContributionPaid;
import id.ucj.contract.DeregistrationReason;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Effective coverage, as pure functions: a participant counts as covered while paid up
 * (or within the two grace months), whatever order contributions arrive in. "Now" is June
 * 2025 in Jambi (WIB).
 */
class EffectiveCoverageTest {

	static final YearMonth NOW = YearMonth.of(2025, 6);

	static final Instant EIGHT_MONTHS_AGO = Instant.parse("2024-10-14T02:00:00Z");

	@Test
	void countsARegistrationWithoutContributionsAsRegisteredButNotCoveredOnceItsCoverLapsed() {
		Regency sarolangun = new Regency("15.03");

		sarolangun.apply("p1", registered("15.03", EIGHT_MONTHS_AGO, null));

		assertThat(sarolangun.registered()).isEqualTo(1);
		assertThat(sarolangun.at(NOW).active()).isZero();
		assertThat(sarolangun.at(YearMonth.of(2024, 12)).active()).as("the capture month and two grace months")
			.isEqualTo(1);
		assertThat(sarolangun.at(YearMonth.of(2025, 1)).active()).isZero();
	}

	@Test
	void coversAgainWithAContributionThroughTheCurrentMonthAndIgnoresTheSameContributionTwice() {
		Regency sarolangun = new Regency("15.03");
		sarolangun.apply("p1", registered("15.03", EIGHT_MONTHS_AGO, null));
		ContributionPaid paid = paid("p1", "2025-03", "2025-06", FundingSource.APBD);

		sarolangun.apply("p1", paid);
		Map<String, Long> once = sarolangun.counts.asMap();
		Membership.Transition again = sarolangun.apply("p1", paid);

		assertThat(sarolangun.at(NOW).active()).isEqualTo(1);
		assertThat(sarolangun.at(NOW).protectedCount()).isEqualTo(1);
		assertThat(again.outcome()).isEqualTo(Membership.Outcome.UNCHANGED);
		assertThat(sarolangun.counts.asMap()).isEqualTo(once);
	}

	@Test
	void countsAContributionThatArrivesBeforeTheRegistrationOnceTheRegistrationComes() {
		Regency sarolangun = new Regency("15.03");

		Membership.Transition early = sarolangun.apply("p1", paid("p1", "2025-05", "2025-07", FundingSource.APBD));

		assertThat(early.outcome()).isEqualTo(Membership.Outcome.UNCHANGED);
		assertThat(sarolangun.at(NOW).active()).isZero();

		sarolangun.apply("p1", registered("15.03", EIGHT_MONTHS_AGO, null));

		assertThat(sarolangun.at(NOW).active()).isEqualTo(1);
	}

	@Test
	void coversARegistrationPaidThreeMonthsAheadAndShowsWhenItLapses() {
		Regency sarolangun = new Regency("15.03");

		sarolangun.apply("p1", registered("15.03", Instant.parse("2025-06-10T03:00:00Z"), YearMonth.of(2025, 9)));

		EffectiveCoverage now = sarolangun.at(NOW);
		assertThat(now.active()).isEqualTo(1);
		assertThat(now.activeByFundingSource()).containsEntry(FundingSource.APBD, 1L);
		// Paid through September, active through November (two grace months), not active
		// from December.
		assertThat(now.lapsing()).filteredOn((lapsing) -> lapsing.total() > 0)
			.containsExactly(new Lapsing(YearMonth.of(2025, 12), 1,
					Map.of(FundingSource.APBD, 1L, FundingSource.EMPLOYER, 0L, FundingSource.SELF, 0L)));
		assertThat(now.lapsingWithin(3)).isZero();
		assertThat(now.lapsingWithin(6)).isEqualTo(1);
	}

	@Test
	void takesThePaidCoverAlongOnAMoveAndEndsItWithADeregistration() {
		Regency sarolangun = new Regency("15.03");
		Regency merangin = new Regency("15.02");
		sarolangun.apply("p1", registered("15.03", EIGHT_MONTHS_AGO, null));
		sarolangun.apply("p1", paid("p1", "2025-04", "2025-07", FundingSource.SELF));

		Membership.Transition move = sarolangun.apply("p1",
				registered("15.02", Instant.parse("2025-06-02T03:00:00Z"), null));
		merangin.counts.add(move.changes().getOrDefault("15.02", new Counts()));

		assertThat(sarolangun.at(NOW).active()).isZero();
		assertThat(merangin.at(NOW).active()).isEqualTo(1);
		assertThat(merangin.at(YearMonth.of(2025, 9)).active()).as("July paid, plus two grace months").isEqualTo(1);

		Membership.Transition leave = sarolangun.apply("p1", new ParticipantDeregistered(UUID.randomUUID(),
				Instant.parse("2025-06-05T03:00:00Z"), "p1", DeregistrationReason.LEFT_WORKFORCE, null));
		merangin.counts.add(leave.changes().getOrDefault("15.02", new Counts()));

		assertThat(merangin.at(NOW).active()).isZero();
		assertThat(merangin.at(NOW).protectedCount()).isZero();
		assertThat(merangin.registered()).isZero();
	}

	@Test
	void forecastsActiveParticipantsMonthByMonthWithWhoLapsesWhen() {
		Instant october = Instant.parse("2024-10-10T03:00:00Z");
		Regency p1 = new Regency("15.03");
		p1.apply("p1", registered("15.03", october, YearMonth.of(2024, 12)));
		Regency p2 = new Regency("15.03");
		p2.apply("p2", registered("15.03", october, YearMonth.of(2025, 1)));
		Regency p3 = new Regency("15.03");
		p3.apply("p3", registered("15.03", october, YearMonth.of(2025, 1)));
		p3.apply("p3", paid("p3", "2025-02", "2025-06", FundingSource.SELF));
		Counts sarolangun = new Counts().add(p1.counts).add(p2.counts).add(p3.counts);

		List<MonthOutlook> outlook = EffectiveCoverage.outlook(sarolangun, YearMonth.of(2025, 1), 9);

		// p1 paid through December: active through February; p2 through January: through
		// March; p3 through June,
		// so through August.
		assertThat(outlook).extracting(MonthOutlook::active).containsExactly(3L, 3L, 2L, 1L, 1L, 1L, 1L, 1L, 0L);
		assertThat(outlook.get(2).lapsing()).containsEntry(FundingSource.APBD, 1L);
		assertThat(outlook.get(8).month()).isEqualTo(YearMonth.of(2025, 9));
		assertThat(outlook.get(8).lapsing()).containsEntry(FundingSource.SELF, 1L);
	}

	@Test
	void countsGraceMonthsFromTheConfiguredRule() {
		Cover cover = Cover.NONE
			.with(new Cover.PaidRange(YearMonth.of(2025, 1), YearMonth.of(2025, 3), FundingSource.APBD))
			.with(new Cover.PaidRange(YearMonth.of(2025, 5), YearMonth.of(2025, 5), FundingSource.SELF));

		assertThat(cover.active(new LapseRule(1))).as("non-active from the first unpaid month")
			.containsExactly(new Cover.Interval(YearMonth.of(2025, 1), YearMonth.of(2025, 3), FundingSource.APBD),
					new Cover.Interval(YearMonth.of(2025, 5), YearMonth.of(2025, 5), FundingSource.SELF));
		assertThat(cover.active(new LapseRule(6))).as("a one-month gap bridged, five grace months")
			.containsExactly(new Cover.Interval(YearMonth.of(2025, 1), YearMonth.of(2025, 10), FundingSource.SELF));
		Counts lapsingAfterMarch = cover.counts(Segment.BPU, 1, new LapseRule(1));
		assertThat(lapsingAfterMarch.get(Counts.activeUntil(YearMonth.of(2025, 4), Segment.BPU, FundingSource.APBD)))
			.isEqualTo(1);
	}

	@Test
	void givesTheSameCoverWhateverOrderContributionsArriveIn() {
		Cover.PaidRange first = new Cover.PaidRange(YearMonth.of(2025, 1), YearMonth.of(2025, 3), FundingSource.APBD);
		Cover.PaidRange second = new Cover.PaidRange(YearMonth.of(2025, 3), YearMonth.of(2025, 5), FundingSource.SELF);
		Cover.PaidRange third = new Cover.PaidRange(YearMonth.of(2025, 9), YearMonth.of(2025, 9),
				FundingSource.EMPLOYER);

		Cover one = Cover.NONE.with(first).with(second).with(third);
		Cover other = Cover.NONE.with(third).with(second).with(first).with(second);

		assertThat(one).isEqualTo(other);
		// Paid through May: June and July are grace months, August (the third unpaid one)
		// is not active.
		assertThat(one.active(LapseRule.BPJS)).containsExactly(
				new Cover.Interval(YearMonth.of(2025, 1), YearMonth.of(2025, 7), FundingSource.SELF),
				new Cover.Interval(YearMonth.of(2025, 9), YearMonth.of(2025, 11), FundingSource.EMPLOYER));
		assertThat(one.protectedMonths()).containsExactly(
				new Cover.Interval(YearMonth.of(2025, 1), YearMonth.of(2025, 5), FundingSource.SELF),
				new Cover.Interval(YearMonth.of(2025, 9), YearMonth.of(2025, 9), FundingSource.EMPLOYER));
	}

	/**
	 * One participant's membership and one regency's counters, as the aggregator keeps
	 * them.
	 */
	static final class Regency {

		final String code;

		final Counts counts = new Counts();

		Membership membership = Membership.NONE;

		Regency(String code) {
			this.code = code;
		}

		Membership.Transition apply(String participant, ParticipantEvent event) {
			Membership.Transition transition = this.membership.apply(event, LapseRule.BPJS);
			this.counts.add(transition.changes().getOrDefault(this.code, new Counts()));
			this.membership = transition.next();
			return transition;
		}

		long registered() {
			return this.counts.get(Counts.REGISTERED);
		}

		EffectiveCoverage at(YearMonth month) {
			return EffectiveCoverage.of(this.counts, month);
		}

	}

	static ParticipantRegistered registered(String regency, Instant at, YearMonth paidThrough) {
		return new ParticipantRegistered(UUID.randomUUID(), at, "p1", regency, Segment.BPU,
				Set.of(Program.JKK, Program.JKM), FundingSource.APBD, paidThrough);
	}

	static ContributionPaid paid(String participant, String from, String through, FundingSource funding) {
		return new ContributionPaid(UUID.nameUUIDFromBytes((participant + from + through).getBytes()),
				Instant.parse("2025-06-01T01:00:00Z"), participant, YearMonth.parse(from), YearMonth.parse(through),
				funding,
				16_800L * (YearMonth.parse(from).until(YearMonth.parse(through), java.time.temporal.ChronoUnit.MONTHS)
						+ 1));
	}

}
