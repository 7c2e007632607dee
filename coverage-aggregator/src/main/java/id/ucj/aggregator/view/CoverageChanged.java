package id.ucj.aggregator.view;

import java.util.List;

/**
 * Regencies' coverage changed outside the counting job (targets set, a month turned, a
 * recount ended). A local event, published synchronously: the Kafka snapshot publisher
 * and the per-regency gauges both follow it, and a failure to publish fails whoever
 * changed the coverage, so that the change is retried.
 */
public record CoverageChanged(List<CoverageView> regencies) {

	public CoverageChanged {
		regencies = List.copyOf(regencies);
	}

}
