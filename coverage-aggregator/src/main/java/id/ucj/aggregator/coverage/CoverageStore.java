package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads regencies' coverage: their counters, joined with what the regency register says of them. */
@Component
public class CoverageStore {

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

	/** The regencies as they stand at {@code at}: in their month then. */
	List<CoverageView> regencies(Collection<String> codes, Instant at) {
		return join(this.register.find(codes), at);
	}

	/** All regencies, or those of one province, by code. */
	public List<CoverageView> all(String provinceCode) {
		return join(this.register.inProvince(provinceCode), this.clock.instant());
	}

	private List<CoverageView> join(List<RegisteredRegency> regencies, Instant at) {
		if (regencies.isEmpty()) {
			return List.of();
		}
		Map<String, CounterDocument> counters = this.mongo
			.find(Query.query(where("_id").in(regencies.stream().map(RegisteredRegency::code).toList())), CounterDocument.class)
			.stream()
			.collect(Collectors.toMap(CounterDocument::code, Function.identity()));
		return regencies.stream()
			.map((regency) -> CoverageView.of(regency,
					counters.getOrDefault(regency.code(), CounterDocument.empty(regency.code())), at))
			.toList();
	}

}
