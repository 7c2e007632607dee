package id.ucj.aggregator.view;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.EffectiveCoverage;
import id.ucj.contract.ActiveForecast;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;
import id.ucj.contract.Program;
import id.ucj.contract.Regions;
import id.ucj.contract.Segment;

/**
 * A regency's coverage as operators read it, in the regency's current month (its
 * province's time zone). {@code covered} counts active participants (paid up, or within
 * the grace months after their cover ended); {@code registered} those enrolled and not
 * deregistered, paid or not; {@code protected} those paid for this month; {@code lapsing}
 * how many active ones stop being active in each of the next 12 months, by funding
 * source. {@code coverageRatio} is covered / workforce, {@code null} until a workforce is
 * set. {@code bySegment} and {@code byFundingSource} split the active participants
 * (funding: who paid the last month of their cover); {@code byProgram} the registered
 * ones. {@code registrations} and {@code movedIn} count participants who became
 * registered here, {@code deregistrations} and {@code movedOut} those who stopped being
 * registered here. {@code targetsSetBy} and {@code targetsSetAt} say which client last
 * set the workforce and target, and when. {@code forecast}: for each of the next 12
 * months, the participants still active then if nothing more is paid.
 */
public record CoverageView(String regencyCode, String regencyName, String provinceCode, YearMonth month, long covered,
		long registered, @JsonProperty("protected") long protectedCount, Long workforce, Double coverageRatio,
		Double target, Instant asOf, long version, Map<Program, Long> byProgram, Map<Segment, Long> bySegment,
		Map<FundingSource, Long> byFundingSource, List<Lapsing> lapsing, long registrations, long deregistrations,
		long movedIn, long movedOut, Instant lastEventAt, String targetsSetBy, Instant targetsSetAt,
		List<ActiveForecast> forecast) {

	/**
	 * The regency as it stands at {@code now}, in its own month. Its version is the sum
	 * of its register's and its counters' versions, which both only grow.
	 */
	static CoverageView of(RegisteredRegency regency, CounterDocument counters, Instant now) {
		Counts counts = counters.counts();
		Map<Program, Long> byProgram = new EnumMap<>(Program.class);
		for (Program program : Program.values()) {
			byProgram.put(program, counts.get(Counts.program(program)));
		}
		EffectiveCoverage effective = EffectiveCoverage.of(counts, monthOf(regency.code(), now));
		Double ratio = (regency.workforce() != null && regency.workforce() > 0)
				? (double) effective.active() / regency.workforce() : null;
		Instant asOf = Stream.of(regency.updatedAt(), counters.updatedAt())
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		return new CoverageView(regency.code(), regency.name(), regency.provinceCode(), effective.month(),
				effective.active(), counts.get(Counts.REGISTERED), effective.protectedCount(), regency.workforce(),
				ratio, regency.target(), asOf, regency.version() + counters.version(), byProgram,
				effective.activeBySegment(), effective.activeByFundingSource(), effective.lapsing(),
				counts.get(Counts.REGISTRATIONS), counts.get(Counts.DEREGISTRATIONS), counts.get(Counts.MOVED_IN),
				counts.get(Counts.MOVED_OUT), counters.lastEventAt(), regency.targetsSetBy(), regency.targetsSetAt(),
				EffectiveCoverage.outlook(counts, effective.month().plusMonths(1), EffectiveCoverage.LAPSING_MONTHS)
					.stream()
					.map((month) -> new ActiveForecast(month.month(), month.active()))
					.toList());
	}

	/**
	 * The regency's month at {@code now}: months turn at midnight in its province's time
	 * zone.
	 */
	public static YearMonth monthOf(String regencyCode, Instant now) {
		return YearMonth.from(now.atZone(Regions.official().zoneOf(regencyCode).orElse(ZoneOffset.UTC)));
	}

	/**
	 * The snapshot published for this view; renewals are priced at {@code premium} rupiah
	 * a worker-month.
	 */
	CoverageSnapshot snapshot(long premium) {
		return new CoverageSnapshot(this.regencyCode, this.regencyName, this.provinceCode, this.covered, this.workforce,
				this.coverageRatio, this.target, this.asOf, this.version, this.byProgram, this.bySegment,
				this.byFundingSource, this.registrations + this.movedIn, this.deregistrations + this.movedOut,
				this.month, this.registered, this.protectedCount, this.lapsing, this.forecast, premium);
	}

}
