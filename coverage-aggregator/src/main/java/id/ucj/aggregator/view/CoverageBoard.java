package id.ucj.aggregator.view;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.ucj.aggregator.forecast.Forecast;
import id.ucj.aggregator.forecast.MonthOutlook;
import id.ucj.aggregator.forecast.Premiums;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;
import id.ucj.contract.Province;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The latest coverage of every regency, kept in memory for the per-regency gauges and
 * churn counters: 514 regencies, so the tags stay bounded. A gauge with nothing to report
 * (no workforce set yet) reports NaN. The churn counters come from the stored counts, so
 * they never go back, even across restarts.
 */
@Component
class CoverageBoard {

	private final Map<String, CoverageView> latest = new ConcurrentHashMap<>();

	/**
	 * Each regency's forecast from its latest view, computed once per change, read by
	 * several gauges.
	 */
	private final Map<String, Forecast> runways = new ConcurrentHashMap<>();

	private final long premium;

	CoverageBoard(MeterRegistry meters, Premiums premiums) {
		this.premium = premiums.forPlans();
		Regions regions = Regions.official();
		for (Regency regency : regions.regencies()) {
			String provinceName = regions.province(regency.provinceCode()).map(Province::name).orElseThrow();
			Tags tags = Tags.of("regency", regency.code(), "regency_name", regency.name(), "province",
					regency.provinceCode(), "province_name", provinceName);
			String code = regency.code();
			Gauge.builder("ucj.coverage.ratio", this, (board) -> board.value(code, CoverageView::coverageRatio))
				.description("Covered participants / workforce")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.covered", this, (board) -> board.value(code, (view) -> (double) view.covered()))
				.description(
						"Participants covered now: active (paid up, or within the grace months); same as ucj_coverage_active")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.active", this, (board) -> board.value(code, (view) -> (double) view.covered()))
				.description("Active participants in the regency's current month (paid up, or within the grace months)")
				.tags(tags)
				.register(meters);
			Gauge
				.builder("ucj.coverage.registered", this,
						(board) -> board.value(code, (view) -> (double) view.registered()))
				.description("Participants enrolled and not deregistered, paid or not")
				.tags(tags)
				.register(meters);
			Gauge
				.builder("ucj.coverage.protected", this,
						(board) -> board.value(code, (view) -> (double) view.protectedCount()))
				.description("Participants paid for the regency's current month")
				.tags(tags)
				.register(meters);
			for (int months : new int[] { 1, 3 }) {
				Gauge
					.builder("ucj.coverage.lapsing", this, (board) -> board.value(code,
							(view) -> (double) view.lapsing().stream().limit(months).mapToLong(Lapsing::total).sum()))
					.description("Active participants whose cover lapses within the next months unless more is paid")
					.tags(tags.and("months", Integer.toString(months)))
					.register(meters);
			}
			for (int ahead = 1; ahead <= 3; ahead++) {
				int month = ahead;
				for (FundingSource funding : FundingSource.values()) {
					Gauge
						.builder("ucj.coverage.lapsing.by.funding", this,
								(board) -> board.value(code,
										(view) -> (double) view.lapsing()
											.get(month - 1)
											.byFundingSource()
											.getOrDefault(funding, 0L)))
						.description(
								"Active participants who stop being active that many months ahead unless more is paid, "
										+ "by who paid their last month")
						.tags(tags.and("month_ahead", Integer.toString(month), "funding_source", funding.name()))
						.register(meters);
				}
			}
			for (int ahead : new int[] { 1, 3, 6, 12 }) {
				Gauge.builder("ucj.coverage.forecast.ratio", this, (board) -> board.forecastRatio(code, ahead))
					.description("Forecast coverage ratio this many months ahead if nothing is renewed")
					.tags(tags.and("ahead", Integer.toString(ahead)))
					.register(meters);
			}
			Gauge.builder("ucj.coverage.months.to.below.target", this, (board) -> board.monthsToBelowTarget(code))
				.description("Months until the forecast falls below the target if nothing is renewed (0: below now; "
						+ "+Inf: not within 12 months)")
				.tags(tags)
				.register(meters);
			for (int months : new int[] { 3, 12 }) {
				Gauge.builder("ucj.coverage.renewal.cost", this, (board) -> board.renewalCost(code, months))
					.description("Rupiah of renewals that hold the target over this many months, from the current one")
					.baseUnit("rupiah")
					.tags(tags.and("months", Integer.toString(months)))
					.register(meters);
			}
			Gauge
				.builder("ucj.coverage.workforce", this,
						(board) -> board.value(code, (view) -> toDouble(view.workforce())))
				.description("Workforce set by the regency's administrators")
				.tags(tags)
				.register(meters);
			Gauge.builder("ucj.coverage.target", this, (board) -> board.value(code, CoverageView::target))
				.description("Target coverage ratio")
				.tags(tags)
				.register(meters);
			FunctionCounter.builder("ucj.coverage.registrations", this, (board) -> board.churn(code, true))
				.description("Participants who became covered here: registrations and moves in")
				.tags(tags)
				.register(meters);
			FunctionCounter.builder("ucj.coverage.deregistrations", this, (board) -> board.churn(code, false))
				.description("Participants who stopped being covered here: deregistrations and moves out")
				.tags(tags)
				.register(meters);
		}
	}

	@EventListener
	void on(CoverageChanged changed) {
		changed.regencies().forEach(this::update);
	}

	/**
	 * Keeps the newer of a regency's views, and its runway with it: under the regency's
	 * entry, so that listener threads updating the same regency at once cannot leave the
	 * runway of an older view behind a newer one.
	 */
	void update(CoverageView view) {
		this.latest.compute(view.regencyCode(), (code, old) -> {
			if (old != null && view.version() < old.version()) {
				return old;
			}
			this.runways.put(code, runway(view));
			return view;
		});
	}

	private double value(String code, java.util.function.Function<CoverageView, Double> metric) {
		CoverageView view = this.latest.get(code);
		Double value = (view != null) ? metric.apply(view) : null;
		return (value != null) ? value : Double.NaN;
	}

	private double churn(String code, boolean joined) {
		CoverageView view = this.latest.get(code);
		if (view == null) {
			return 0;
		}
		return joined ? view.registrations() + view.movedIn() : view.deregistrations() + view.movedOut();
	}

	/**
	 * The regency's forecast from its current month (its 12 forecast months after it),
	 * priced for renewals.
	 */
	private Forecast runway(CoverageView view) {
		List<MonthOutlook> outlook = new ArrayList<>();
		outlook.add(new MonthOutlook(view.month(), view.covered(), Map.of()));
		view.forecast().forEach((month) -> outlook.add(new MonthOutlook(month.month(), month.active(), Map.of())));
		return Forecast.of(outlook, view.workforce(), view.target(), this.premium);
	}

	private double forecastRatio(String code, int ahead) {
		Forecast forecast = this.runways.get(code);
		Double ratio = (forecast != null && forecast.months().size() > ahead)
				? forecast.months().get(ahead).coverageRatio() : null;
		return (ratio != null) ? ratio : Double.NaN;
	}

	private double monthsToBelowTarget(String code) {
		Forecast forecast = this.runways.get(code);
		if (forecast == null || forecast.targetCount() == null) {
			return Double.NaN;
		}
		return (forecast.firstMonthBelowTarget() != null)
				? forecast.month().until(forecast.firstMonthBelowTarget(), ChronoUnit.MONTHS)
				: Double.POSITIVE_INFINITY;
	}

	private double renewalCost(String code, int months) {
		Forecast forecast = this.runways.get(code);
		if (forecast == null || forecast.targetCount() == null) {
			return Double.NaN;
		}
		return forecast.months().stream().limit(months).mapToLong(Forecast.ForecastMonth::renewalCost).sum();
	}

	private static Double toDouble(Long value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
