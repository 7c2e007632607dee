package id.ucj.testsupport;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.ucj.contract.ActiveForecast;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;

/**
 * Coverage snapshots for tests, as the aggregator would publish them, naming only what a
 * test is about:
 * {@code CoverageSnapshots.sarolangun().covered(72_800).workforce(112_000).target(0.65).build()}.
 * The regency's name and province come from the official regions. Unless set: version 1,
 * as of {@link TestClock#START}, nothing covered, no workforce or target, the ratio
 * covered / workforce (none without a workforce), as many registrations as covered and no
 * deregistrations, no month, no breakdowns, lapses or forecast.
 */
public final class CoverageSnapshots {

	private final Regency regency;

	private long covered;

	private Long workforce;

	private Double coverageRatio;

	private boolean coverageRatioSet;

	private Double target;

	private Instant asOf = TestClock.START;

	private long version = 1;

	private Long registrations;

	private long deregistrations;

	private YearMonth month;

	private Long registered;

	private Long protectedCount;

	private final List<ActiveForecast> forecast = new ArrayList<>();

	private Long premium;

	private CoverageSnapshots(Regency regency) {
		this.regency = regency;
	}

	/** A snapshot of one of the official regencies, by its code ({@code "15.03"}). */
	public static CoverageSnapshots regency(String code) {
		return new CoverageSnapshots(Regions.official()
			.regency(code)
			.orElseThrow(() -> new IllegalArgumentException("No official regency " + code)));
	}

	/** Kabupaten Sarolangun (15.03, Jambi), the regency most tests follow. */
	public static CoverageSnapshots sarolangun() {
		return regency("15.03");
	}

	public CoverageSnapshots covered(long covered) {
		this.covered = covered;
		return this;
	}

	public CoverageSnapshots workforce(long workforce) {
		this.workforce = workforce;
		return this;
	}

	/**
	 * A ratio of the test's own, {@code null} included, instead of covered / workforce.
	 */
	public CoverageSnapshots coverageRatio(Double coverageRatio) {
		this.coverageRatio = coverageRatio;
		this.coverageRatioSet = true;
		return this;
	}

	public CoverageSnapshots target(double target) {
		this.target = target;
		return this;
	}

	public CoverageSnapshots asOf(Instant asOf) {
		this.asOf = asOf;
		return this;
	}

	public CoverageSnapshots version(long version) {
		this.version = version;
		return this;
	}

	public CoverageSnapshots registrations(long registrations) {
		this.registrations = registrations;
		return this;
	}

	public CoverageSnapshots deregistrations(long deregistrations) {
		this.deregistrations = deregistrations;
		return this;
	}

	/** The regency's current month, which {@code covered} is for. */
	public CoverageSnapshots month(YearMonth month) {
		this.month = month;
		return this;
	}

	public CoverageSnapshots registered(long registered) {
		this.registered = registered;
		return this;
	}

	/** Paid for the current month (the API's {@code protected}). */
	public CoverageSnapshots protectedCount(long protectedCount) {
		this.protectedCount = protectedCount;
		return this;
	}

	/**
	 * How many participants will be active in each month from {@code first} on, if
	 * nothing more is paid.
	 */
	public CoverageSnapshots forecast(YearMonth first, long... active) {
		this.forecast.clear();
		for (int i = 0; i < active.length; i++) {
			this.forecast.add(new ActiveForecast(first.plusMonths(i), active[i]));
		}
		return this;
	}

	/** Rupiah per worker-month that renewals are priced with. */
	public CoverageSnapshots premium(long premium) {
		this.premium = premium;
		return this;
	}

	public CoverageSnapshot build() {
		Double ratio = this.coverageRatioSet ? this.coverageRatio
				: (this.workforce != null) ? (double) this.covered / this.workforce : null;
		long registrationCount = (this.registrations != null) ? this.registrations : this.covered;
		return new CoverageSnapshot(this.regency.code(), this.regency.name(), this.regency.provinceCode(), this.covered,
				this.workforce, ratio, this.target, this.asOf, this.version, Map.of(), Map.of(), Map.of(),
				registrationCount, this.deregistrations, this.month, this.registered, this.protectedCount, List.of(),
				this.forecast, this.premium);
	}

}
