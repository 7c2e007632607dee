package id.ucj.contract;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A regency's coverage at one moment, as published on {@link Topics#COVERAGE_CHANGES}.
 *
 * @param workforce the regency's workforce, {@code null} until an operator sets it
 * @param coverageRatio covered / workforce, {@code null} while the workforce is unknown
 * @param target the ratio the regency aims for, {@code null} until set
 * @param version grows with every snapshot of this regency, so consumers can drop stale or replayed ones
 * @param registrations gross registrations counted so far (churn, with {@code deregistrations})
 */
public record CoverageSnapshot(String regencyCode, String regencyName, String provinceCode, long covered,
		Long workforce, Double coverageRatio, Double target, Instant asOf, long version,
		Map<Program, Long> byProgram, Map<Segment, Long> bySegment, Map<FundingSource, Long> byFundingSource,
		long registrations, long deregistrations) {

	public CoverageSnapshot {
		Objects.requireNonNull(regencyCode, "regencyCode");
		Objects.requireNonNull(asOf, "asOf");
		byProgram = inEnumOrder(Program.class, byProgram);
		bySegment = inEnumOrder(Segment.class, bySegment);
		byFundingSource = inEnumOrder(FundingSource.class, byFundingSource);
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
