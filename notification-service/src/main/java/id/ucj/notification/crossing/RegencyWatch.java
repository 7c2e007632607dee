package id.ucj.notification.crossing;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a regency: the version of the last snapshot it took, and per
 * threshold whether a "reached" alert is outstanding, how many crossings there have been,
 * and the month it is forecast to fall below it in, while an {@code AT_RISK} alert is
 * outstanding.
 */
@Document("regency_watches")
record RegencyWatch(@Id String regencyCode, long version, List<ThresholdState> thresholds) {

	record ThresholdState(double threshold, boolean reached, int crossings, String riskMonth) {
	}

}
