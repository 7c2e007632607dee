package id.ucj.aggregator.coverage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The latest coverage of every regency, kept in memory for the per-regency gauges: 514 regencies, so the tags
 * stay bounded. A gauge with nothing to report (no workforce set yet) reports NaN, which Prometheus drops.
 */
@Component
class CoverageBoard {

	private final Map<String, CoverageView> latest = new ConcurrentHashMap<>();

	CoverageBoard(MeterRegistry meters) {
		for (Regency regency : Regions.official().regencies()) {
			Tags tags = Tags.of("regency", regency.code(), "regency_name", regency.name(), "province", regency.provinceCode());
			String code = regency.code();
			Gauge.builder("ucj.coverage.ratio", this, (board) -> board.value(code, CoverageView::coverageRatio))
				.description("Covered participants / workforce")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.covered", this, (board) -> board.value(code, (view) -> (double) view.covered()))
				.description("Distinct participants currently covered")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.workforce", this, (board) -> board.value(code, (view) -> toDouble(view.workforce())))
				.description("Workforce set by the regency's administrators")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.target", this, (board) -> board.value(code, CoverageView::target))
				.description("Target coverage ratio")
				.tags(tags)
				.register(meters);
		}
	}

	void update(CoverageView view) {
		this.latest.merge(view.regencyCode(), view, (old, candidate) -> (candidate.version() >= old.version()) ? candidate : old);
	}

	private double value(String code, java.util.function.Function<CoverageView, Double> metric) {
		CoverageView view = this.latest.get(code);
		Double value = (view != null) ? metric.apply(view) : null;
		return (value != null) ? value : Double.NaN;
	}

	private static Double toDouble(Long value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
