package id.ucj.aggregator.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import id.ucj.contract.Regions;

/**
 * A regency's coverage on one local day (its province's time zone): the day's last
 * snapshot, as the coverage chart draws it.
 *
 * @param day the regency's local day that {@code asOf} falls in
 * @param version the snapshot's version: a day's point is replaced only by a newer one
 */
public record HistoryPoint(String regencyCode, LocalDate day, long covered, long registered, Long workforce,
		Double coverageRatio, Double target, Instant asOf, long version) {

	/** The point a view makes: on the local day of its {@code asOf}. */
	static HistoryPoint of(CoverageView view) {
		LocalDate day = LocalDate.ofInstant(view.asOf(),
				Regions.official().zoneOf(view.regencyCode()).orElse(ZoneOffset.UTC));
		return new HistoryPoint(view.regencyCode(), day, view.covered(), view.registered(), view.workforce(),
				view.coverageRatio(), view.target(), view.asOf(), view.version());
	}

	/** The point's id in the history: one per regency and day. */
	String id() {
		return this.regencyCode + "/" + this.day;
	}

}
