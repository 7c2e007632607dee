package id.ucj.aggregator.counting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.ucj.aggregator.forecast.MonthOutlook;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;
import id.ucj.contract.Segment;

/**
 * A regency's effective coverage in one of its months, read from its month counters
 * ({@link Counts}): active participants (the sum of stretch starts up to the month minus
 * stretch ends up to it), by segment and by who paid their current stretch's last month;
 * protected ones (paid for this month); and, for each of the next
 * {@value #LAPSING_MONTHS} months, how many stop being active then.
 */
public record EffectiveCoverage(YearMonth month, long active, long protectedCount, Map<Segment, Long> activeBySegment,
		Map<FundingSource, Long> activeByFundingSource, List<Lapsing> lapsing) {

	public static final int LAPSING_MONTHS = 12;

	public static EffectiveCoverage of(Counts counts, YearMonth month) {
		long active = 0;
		long protectedCount = 0;
		Map<Segment, Long> bySegment = zeros(Segment.class);
		Map<FundingSource, Long> byFunding = zeros(FundingSource.class);
		Map<YearMonth, Map<FundingSource, Long>> lapsing = new TreeMap<>();
		for (Map.Entry<String, Long> counter : counts.asMap().entrySet()) {
			String name = counter.getKey();
			long value = counter.getValue();
			if (name.startsWith(Counts.ACTIVE_FROM) || name.startsWith(Counts.ACTIVE_UNTIL)) {
				boolean start = name.startsWith(Counts.ACTIVE_FROM);
				String[] parts = name.substring(Counts.ACTIVE_FROM.length()).split("\\|");
				YearMonth at = YearMonth.parse(parts[0]);
				Segment segment = Segment.valueOf(parts[1]);
				FundingSource funding = FundingSource.valueOf(parts[2]);
				if (!at.isAfter(month)) {
					long signed = start ? value : -value;
					active += signed;
					bySegment.merge(segment, signed, Long::sum);
					byFunding.merge(funding, signed, Long::sum);
				}
				else if (!start && !at.isAfter(month.plusMonths(LAPSING_MONTHS))) {
					lapsing.computeIfAbsent(at, (key) -> zeros(FundingSource.class)).merge(funding, value, Long::sum);
				}
			}
			else if (name.startsWith(Counts.PROTECTED_FROM) || name.startsWith(Counts.PROTECTED_UNTIL)) {
				YearMonth at = YearMonth.parse(name.substring(Counts.PROTECTED_FROM.length()));
				if (!at.isAfter(month)) {
					protectedCount += name.startsWith(Counts.PROTECTED_FROM) ? value : -value;
				}
			}
		}
		List<Lapsing> ahead = new ArrayList<>();
		for (int i = 1; i <= LAPSING_MONTHS; i++) {
			Map<FundingSource, Long> funding = lapsing.getOrDefault(month.plusMonths(i), zeros(FundingSource.class));
			ahead.add(new Lapsing(month.plusMonths(i), funding.values().stream().mapToLong(Long::longValue).sum(),
					funding));
		}
		return new EffectiveCoverage(month, active, protectedCount, bySegment, byFunding, List.copyOf(ahead));
	}

	/**
	 * Month by month from {@code from}, {@code months} of them: active participants and
	 * those lapsing that month by funding, if nothing more is paid (what is paid ahead
	 * already counts).
	 */
	public static List<MonthOutlook> outlook(Counts counts, YearMonth from, int months) {
		TreeMap<YearMonth, Long> changes = new TreeMap<>();
		Map<YearMonth, Map<FundingSource, Long>> ends = new TreeMap<>();
		counts.asMap().forEach((name, value) -> {
			boolean start = name.startsWith(Counts.ACTIVE_FROM);
			if (start || name.startsWith(Counts.ACTIVE_UNTIL)) {
				String[] parts = name.substring(Counts.ACTIVE_FROM.length()).split("\\|");
				YearMonth at = YearMonth.parse(parts[0]);
				changes.merge(at, start ? value : -value, Long::sum);
				if (!start) {
					ends.computeIfAbsent(at, (key) -> new EnumMap<>(FundingSource.class))
						.merge(FundingSource.valueOf(parts[2]), value, Long::sum);
				}
			}
		});
		long active = changes.headMap(from, true).values().stream().mapToLong(Long::longValue).sum();
		List<MonthOutlook> outlook = new ArrayList<>();
		for (int i = 0; i < months; i++) {
			YearMonth month = from.plusMonths(i);
			if (i > 0) {
				active += changes.getOrDefault(month, 0L);
			}
			outlook.add(new MonthOutlook(month, active, ends.getOrDefault(month, Map.of())));
		}
		return List.copyOf(outlook);
	}

	/** Participants who stop being active within the next {@code months} months. */
	public long lapsingWithin(int months) {
		return this.lapsing.stream().limit(months).mapToLong(Lapsing::total).sum();
	}

	private static <K extends Enum<K>> Map<K, Long> zeros(Class<K> keys) {
		Map<K, Long> map = new EnumMap<>(keys);
		for (K key : keys.getEnumConstants()) {
			map.put(key, 0L);
		}
		return map;
	}

}
