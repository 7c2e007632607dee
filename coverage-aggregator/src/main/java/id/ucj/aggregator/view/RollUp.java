package id.ucj.aggregator.view;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A province's or the nation's coverage: the sum of its regencies. The ratio counts only
 * regencies whose workforce is known (covered there / their workforce); how many lack one
 * is said, not hidden. Lapsing participants are added up month by month (regencies in
 * later time zones may still be a month behind at a month's turn).
 */
public record RollUp(String provinceCode, String name, int regencies, int regenciesWithoutWorkforce, long covered,
		long registered, @JsonProperty("protected") long protectedCount, long coveredWhereWorkforceKnown,
		long workforce, Double coverageRatio, Instant asOf, Map<Program, Long> byProgram, Map<Segment, Long> bySegment,
		Map<FundingSource, Long> byFundingSource, List<Lapsing> lapsing, long registrations, long deregistrations) {

	public static RollUp of(String provinceCode, String name, List<CoverageView> regencies) {
		List<CoverageView> withWorkforce = regencies.stream().filter((view) -> view.workforce() != null).toList();
		long workforce = withWorkforce.stream().mapToLong(CoverageView::workforce).sum();
		long coveredThere = withWorkforce.stream().mapToLong(CoverageView::covered).sum();
		Instant asOf = regencies.stream()
			.map(CoverageView::asOf)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
		return new RollUp(provinceCode, name, regencies.size(), regencies.size() - withWorkforce.size(),
				regencies.stream().mapToLong(CoverageView::covered).sum(),
				regencies.stream().mapToLong(CoverageView::registered).sum(),
				regencies.stream().mapToLong(CoverageView::protectedCount).sum(), coveredThere, workforce,
				(workforce > 0) ? (double) coveredThere / workforce : null, asOf,
				sum(regencies, Program.class, CoverageView::byProgram),
				sum(regencies, Segment.class, CoverageView::bySegment),
				sum(regencies, FundingSource.class, CoverageView::byFundingSource), lapsing(regencies),
				regencies.stream().mapToLong((view) -> view.registrations() + view.movedIn()).sum(),
				regencies.stream().mapToLong((view) -> view.deregistrations() + view.movedOut()).sum());
	}

	/**
	 * Month by month, the regencies' lapsing participants added up (every regency lists
	 * the same next 12 months).
	 */
	private static List<Lapsing> lapsing(List<CoverageView> regencies) {
		Map<YearMonth, Map<FundingSource, Long>> byMonth = new TreeMap<>();
		regencies.forEach((view) -> view.lapsing()
			.forEach((lapsing) -> lapsing.byFundingSource()
				.forEach((funding, count) -> byMonth
					.computeIfAbsent(lapsing.month(), (month) -> new EnumMap<>(FundingSource.class))
					.merge(funding, count, Long::sum))));
		return byMonth.entrySet()
			.stream()
			.map((month) -> new Lapsing(month.getKey(),
					month.getValue().values().stream().mapToLong(Long::longValue).sum(), month.getValue()))
			.toList();
	}

	private static <K extends Enum<K>> Map<K, Long> sum(List<CoverageView> regencies, Class<K> keys,
			Function<CoverageView, Map<K, Long>> breakdown) {
		Map<K, Long> total = new EnumMap<>(keys);
		regencies.forEach((view) -> breakdown.apply(view).forEach((key, count) -> total.merge(key, count, Long::sum)));
		return total;
	}

}
