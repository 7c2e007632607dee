package id.ucj.aggregator.counting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Segment;

/**
 * A participant's paid cover: the distinct month ranges paid for them (by contributions
 * and registrations), and what follows from them. Active in month M: M lies in some
 * {@code [from, through + grace]} ({@link LapseRule}); protected in M: M was paid.
 * Order-independent: the same ranges in any order, or twice, give the same cover.
 */
public record Cover(List<PaidRange> paid) {

	public static final Cover NONE = new Cover(List.of());

	private static final Comparator<PaidRange> ORDER = Comparator.comparing(PaidRange::from)
		.thenComparing(PaidRange::through)
		.thenComparing(PaidRange::funding);

	/** Months {@code from} to {@code through}, inclusive, paid from {@code funding}. */
	public record PaidRange(YearMonth from, YearMonth through, FundingSource funding) {
	}

	/**
	 * An unbroken stretch of months in which the participant is active ({@code from} to
	 * {@code through}), funded by whoever paid the month that ends it.
	 */
	public record Interval(YearMonth from, YearMonth through, FundingSource funding) {
	}

	public Cover {
		paid = List.copyOf(paid);
	}

	public Cover with(PaidRange range) {
		TreeSet<PaidRange> ranges = new TreeSet<>(ORDER);
		ranges.addAll(this.paid);
		ranges.add(range);
		return new Cover(new ArrayList<>(ranges));
	}

	/** The stretches of activity, merged where they touch or overlap. */
	public List<Interval> active(LapseRule rule) {
		return merge(rule.graceMonths());
	}

	/** The stretches of paid months, merged where they touch or overlap. */
	public List<Interval> protectedMonths() {
		return merge(0);
	}

	/**
	 * Where a stretch ends at the same month as another range's extension, the funding of
	 * the latest-ending range wins; among equals, the highest in enum order, so that the
	 * outcome never depends on arrival order.
	 */
	private List<Interval> merge(int grace) {
		List<PaidRange> sorted = new ArrayList<>(this.paid);
		sorted.sort(ORDER);
		List<Interval> merged = new ArrayList<>();
		for (PaidRange range : sorted) {
			YearMonth through = range.through().plusMonths(grace);
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !range.from().isAfter(last.through().plusMonths(1))) {
				int later = through.compareTo(last.through());
				FundingSource funding = (later > 0) ? range.funding()
						: (later == 0 && range.funding().compareTo(last.funding()) > 0) ? range.funding()
								: last.funding();
				merged.set(merged.size() - 1,
						new Interval(last.from(), (later > 0) ? through : last.through(), funding));
			}
			else {
				merged.add(new Interval(range.from(), through, range.funding()));
			}
		}
		return merged;
	}

	/**
	 * The cover as changes of the regency counters, for a registered participant of this
	 * segment: where each active stretch starts (+) and the month it is over (-), by
	 * segment and funding; and the same for paid months.
	 */
	public Counts counts(Segment segment, int sign, LapseRule rule) {
		Counts counts = new Counts();
		for (Interval interval : active(rule)) {
			counts.add(Counts.activeFrom(interval.from(), segment, interval.funding()), sign);
			counts.add(Counts.activeUntil(interval.through().plusMonths(1), segment, interval.funding()), sign);
		}
		for (Interval interval : protectedMonths()) {
			counts.add(Counts.protectedFrom(interval.from()), sign);
			counts.add(Counts.protectedUntil(interval.through().plusMonths(1)), sign);
		}
		return counts;
	}

}
