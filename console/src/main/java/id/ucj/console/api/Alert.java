package id.ucj.console.api;

import java.time.Instant;
import java.util.List;

/** An alert of the alert log, as {@code GET /api/v1/alerts} gives it. */
public record Alert(String id, String regencyCode, String regencyName, String provinceCode, double threshold,
		String direction, Double coverageRatio, long covered, Long workforce, Double target, Instant crossedAt,
		Instant detectedAt, String riskMonth, Long renewalsNeeded, Long renewalCost) {

	/** A page of alerts, newest crossing first. */
	public record Page(List<Alert> content, PageInfo page) {

		public Page {
			content = (content != null) ? List.copyOf(content) : List.of();
		}

	}

	public record PageInfo(int size, int number, long totalElements, int totalPages) {
	}

}
