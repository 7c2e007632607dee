package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A regency's coverage as operators read it. {@code coverageRatio} is {@code null} until a workforce is set.
 * {@code registrations} and {@code movedIn} count participants who became covered here, {@code deregistrations}
 * and {@code movedOut} those who stopped being covered here. {@code targetsSetBy} and {@code targetsSetAt} say which
 * client last set the workforce and target, and when.
 */
public record CoverageView(String regencyCode, String regencyName, String provinceCode, long covered, Long workforce,
		Double coverageRatio, Double target, Instant asOf, long version, Map<Program, Long> byProgram,
		Map<Segment, Long> bySegment, Map<FundingSource, Long> byFundingSource, long registrations,
		long deregistrations, long movedIn, long movedOut, Instant lastEventAt, String targetsSetBy, Instant targetsSetAt) {

	public static CoverageView of(RegencyDocument regency) {
		Counts counts = regency.counts();
		Map<Program, Long> byProgram = new EnumMap<>(Program.class);
		for (Program program : Program.values()) {
			byProgram.put(program, counts.get(Counts.program(program)));
		}
		Map<Segment, Long> bySegment = new EnumMap<>(Segment.class);
		for (Segment segment : Segment.values()) {
			bySegment.put(segment, counts.get(Counts.segment(segment)));
		}
		Map<FundingSource, Long> byFunding = new EnumMap<>(FundingSource.class);
		for (FundingSource source : FundingSource.values()) {
			byFunding.put(source, counts.get(Counts.funding(source)));
		}
		long covered = counts.get(Counts.COVERED);
		Double ratio = (regency.workforce() != null && regency.workforce() > 0) ? (double) covered / regency.workforce() : null;
		Instant asOf = (regency.updatedAt() != null) ? regency.updatedAt() : Instant.EPOCH;
		return new CoverageView(regency.code(), regency.name(), regency.provinceCode(), covered, regency.workforce(), ratio,
				regency.target(), asOf, regency.version(), byProgram, bySegment, byFunding,
				counts.get(Counts.REGISTRATIONS), counts.get(Counts.DEREGISTRATIONS), counts.get(Counts.MOVED_IN),
				counts.get(Counts.MOVED_OUT), regency.lastEventAt(), regency.targetsSetBy(), regency.targetsSetAt());
	}

	CoverageSnapshot snapshot() {
		return new CoverageSnapshot(this.regencyCode, this.regencyName, this.provinceCode, this.covered, this.workforce,
				this.coverageRatio, this.target, this.asOf, this.version, this.byProgram, this.bySegment,
				this.byFundingSource, this.registrations + this.movedIn, this.deregistrations + this.movedOut);
	}

}
