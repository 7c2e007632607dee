package id.ucj.console.api;

import java.time.Instant;
import java.time.LocalDate;

/** A regency's coverage on one local day: the day's last snapshot. */
public record HistoryPoint(LocalDate day, long covered, long registered, Long workforce, Double coverageRatio,
		Double target, Instant asOf) {
}
