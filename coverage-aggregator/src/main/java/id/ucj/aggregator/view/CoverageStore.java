package id.ucj.aggregator.view;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.ucj.aggregator.counting.EffectiveCoverage;
import id.ucj.aggregator.forecast.MonthOutlook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads regencies' coverage: their counters, joined with what the regency register says
 * of them.
 */
@Component
public class CoverageStore {

	private static final int READ_CHUNK = 100;

	private final MongoTemplate mongo;

	private final RegencyRegister register;

	private final Clock clock;

	CoverageStore(MongoTemplate mongo, RegencyRegister register, Clock clock) {
		this.mongo = mongo;
		this.register = register;
		this.clock = clock;
	}

	public Optional<CoverageView> regency(String code) {
		return regencies(List.of(code)).stream().findFirst();
	}

	public List<CoverageView> regencies(Collection<String> codes) {
		return regencies(codes, this.clock.instant());
	}

	/** The regencies whose counters are given, as they stand with them now. */
	List<CoverageView> regencies(Map<String, CounterDocument> counters) {
		Instant now = this.clock.instant();
		return this.register.find(counters.keySet())
			.stream()
			.map((regency) -> CoverageView.of(regency, counters.get(regency.code()), now))
			.toList();
	}

	/** The regencies as they stand at {@code at}: in their month then. */
	public List<CoverageView> regencies(Collection<String> codes, Instant at) {
		return join(this.register.find(codes), at);
	}

	/** All regencies, or those of one province, by code. */
	public List<CoverageView> all(String provinceCode) {
		return join(this.register.inProvince(provinceCode), this.clock.instant());
	}

	/**
	 * A regency's coverage now and, month by month from its current month, its outlook if
	 * nothing more is paid.
	 */
	public record Outlook(CoverageView regency, List<MonthOutlook> months) {
	}

	public Optional<Outlook> outlook(String code, int months) {
		Instant now = this.clock.instant();
		return counted(this.register.find(List.of(code))).entrySet()
			.stream()
			.findFirst()
			.map((entry) -> new Outlook(CoverageView.of(entry.getKey(), entry.getValue(), now),
					EffectiveCoverage.outlook(entry.getValue().counts(), CoverageView.monthOf(code, now), months)));
	}

	/**
	 * The outlooks of a province's regencies ({@code null}: all), over the same months
	 * from {@code from}.
	 */
	public List<Outlook> outlooks(String provinceCode, YearMonth from, int months) {
		Instant now = this.clock.instant();
		return counted(this.register.inProvince(provinceCode)).entrySet()
			.stream()
			.map((entry) -> new Outlook(CoverageView.of(entry.getKey(), entry.getValue(), now),
					EffectiveCoverage.outlook(entry.getValue().counts(), from, months)))
			.toList();
	}

	private List<CoverageView> join(List<RegisteredRegency> regencies, Instant at) {
		return counted(regencies).entrySet()
			.stream()
			.map((entry) -> CoverageView.of(entry.getKey(), entry.getValue(), at))
			.toList();
	}

	/** The regencies, in order, each with its counters. */
	private Map<RegisteredRegency, CounterDocument> counted(List<RegisteredRegency> regencies) {
		if (regencies.isEmpty()) {
			return Map.of();
		}
		Map<String, CounterDocument> counters = counters(this.mongo,
				regencies.stream().map(RegisteredRegency::code).toList());
		Map<RegisteredRegency, CounterDocument> counted = new LinkedHashMap<>();
		regencies.forEach((regency) -> counted.put(regency,
				counters.getOrDefault(regency.code(), CounterDocument.empty(regency.code()))));
		return counted;
	}

	/**
	 * The counters of these regencies, by code, read {@value #READ_CHUNK} at a time: a
	 * store may match every document it finds against the whole {@code $in} list, so one
	 * read of all 514 regencies costs a quarter of a million comparisons.
	 */
	static Map<String, CounterDocument> counters(MongoTemplate mongo, Collection<String> regencies) {
		List<String> codes = List.copyOf(regencies);
		Map<String, CounterDocument> counters = new HashMap<>();
		for (int from = 0; from < codes.size(); from += READ_CHUNK) {
			mongo
				.find(Query.query(where("_id").in(codes.subList(from, Math.min(codes.size(), from + READ_CHUNK)))),
						CounterDocument.class)
				.forEach((counter) -> counters.put(counter.code(), counter));
		}
		return counters;
	}

}
