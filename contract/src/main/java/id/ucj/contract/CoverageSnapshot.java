package id.ucj.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A regency's coverage at one moment, as published on {@link Topics#COVERAGE_CHANGES}.
 *
 * @param workforce the regency's workforce, {@code null} until an operator sets it
 * @param coverageRatio covered / workforce, {@code null} while the workforce is unknown
 * @param target the ratio the regency aims for, {@code null} until set
 * @param version grows with every snapshot of this regency, so consumers can drop stale
 * or replayed ones
 * @param covered active participants (paid up, or within the grace months) in the
 * regency's current month
 * @param registrations gross registrations counted so far (churn, with
 * {@code deregistrations})
 * @param month the regency's current month (its province's time zone), which
 * {@code covered} is for; null from producers before effective coverage
 * @param registered enrolled and not deregistered, paid or not (null from older
 * producers)
 * @param protectedCount paid for the current month (the API's {@code protected}; a Java
 * keyword)
 * @param lapsing for each of the next 12 months, how many active participants stop being
 * active then
 * @param forecast for each of the next 12 months, how many participants will be active if
 * nothing more is paid
 * @param premium rupiah per worker-month the aggregator prices renewals with (null from
 * older producers)
 */
public record CoverageSnapshot(String regencyCode, String regencyName, String provinceCode, long covered,
		Long workforce, Double coverageRatio, Double target, Instant asOf, long version, Map<Program, Long> byProgram,
		Map<Segment, Long> bySegment, Map<FundingSource, Long> byFundingSource, long registrations,
		long deregistrations, YearMonth month, Long registered, Long protectedCount, List<Lapsing> lapsing,
		List<ActiveForecast> forecast, Long premium) {

	public CoverageSnapshot {
		Objects.requireNonNull(regencyCode, "regencyCode");
		Objects.requireNonNull(asOf, "asOf");
		byProgram = inEnumOrder(Program.class, byProgram);
		bySegment = inEnumOrder(Segment.class, bySegment);
		byFundingSource = inEnumOrder(FundingSource.class, byFundingSource);
		lapsing = (lapsing != null) ? List.copyOf(lapsing) : List.of();
		forecast = (forecast != null) ? List.copyOf(forecast) : List.of();
	}

	// Enum order, so that equal snapshots always serialise the same way.
	private static <K extends Enum<K>> Map<K, Long> inEnumOrder(Class<K> keys, Map<K, Long> counts) {
		Map<K, Long> ordered = new EnumMap<>(keys);
		if (counts != null) {
			ordered.putAll(counts);
		}
		return Collections.unmodifiableMap(ordered);
	}

}
