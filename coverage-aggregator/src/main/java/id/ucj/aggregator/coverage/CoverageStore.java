package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads regencies' coverage from MongoDB. */
@Component
public class CoverageStore {

	private final MongoTemplate mongo;

	private final Clock clock;

	CoverageStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A regency as read now, in its own month. */
	public CoverageView view(RegencyDocument regency) {
		return CoverageView.of(regency, this.clock.instant());
	}

	public Optional<CoverageView> regency(String code) {
		return Optional.ofNullable(this.mongo.findById(code, RegencyDocument.class)).map(this::view);
	}

	public List<CoverageView> regencies(Collection<String> codes) {
		return this.mongo.find(Query.query(where("_id").in(codes)), RegencyDocument.class).stream().map(this::view).toList();
	}

	/** All regencies, or those of one province, by code. */
	public List<CoverageView> all(String provinceCode) {
		Query query = (provinceCode != null) ? Query.query(where("provinceCode").is(provinceCode)) : new Query();
		return this.mongo.find(query.with(Sort.by("_id")), RegencyDocument.class).stream().map(this::view).toList();
	}

}
