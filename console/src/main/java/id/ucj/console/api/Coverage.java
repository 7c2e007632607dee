package id.ucj.console.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.ucj.contract.Lapsing;

/** A regency's live coverage, as {@code GET /api/v1/coverage/{code}} gives it. */
public record Coverage(String regencyCode, String regencyName, String provinceCode, YearMonth month, long covered,
		long registered, @JsonProperty("protected") long protectedCount, Long workforce, Double coverageRatio,
		Double target, Instant asOf, long version, Map<String, Long> byProgram, Map<String, Long> bySegment,
		Map<String, Long> byFundingSource, List<Lapsing> lapsing, String targetsSetBy, Instant targetsSetAt) {

	public Coverage {
		lapsing = (lapsing != null) ? List.copyOf(lapsing) : List.of();
		byProgram = (byProgram != null) ? Map.copyOf(byProgram) : Map.of();
		bySegment = (bySegment != null) ? Map.copyOf(bySegment) : Map.of();
		byFundingSource = (byFundingSource != null) ? Map.copyOf(byFundingSource) : Map.of();
	}

	/** Workers to enrol (or renew) to reach the target now: 0 at or above it. */
	public Long stillNeeded() {
		if (this.workforce == null || this.target == null) {
			return null;
		}
		return Math.max(0, (long) Math.ceil(this.target * this.workforce - 1e-9) - this.covered);
	}

	/** Active participants whose cover lapses in the next {@code months} months. */
	public long lapsingWithin(int months) {
		return this.lapsing.stream().limit(months).mapToLong(Lapsing::total).sum();
	}

	/** Whether coverage is at or above the target; {@code null} without both. */
	public Boolean atTarget() {
		return (this.coverageRatio == null || this.target == null) ? null : this.coverageRatio >= this.target;
	}

}
