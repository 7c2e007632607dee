package id.ucj.aggregator.regency;

import id.ucj.aggregator.view.RegencyRegister;
import id.ucj.aggregator.view.RegisteredRegency;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.ucj.contract.Province;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import jakarta.annotation.PostConstruct;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The regency registry ({@code regencies}, {@code provinces}): its only writer. */
@Component
class RegencyRegistry implements RegencyRegister {

	static final String PROVINCES = "provinces";

	private static final int READ_CHUNK = 100;

	private final MongoTemplate mongo;

	private final Clock clock;

	RegencyRegistry(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Every official province and regency exists before any event is counted; names
	 * follow the reference data.
	 */
	@PostConstruct
	void seed() {
		BulkOperations provinces = this.mongo.bulkOps(BulkMode.UNORDERED, PROVINCES);
		for (Province province : Regions.official().provinces()) {
			provinces.upsert(Query.query(where("_id").is(province.code())), new Update().set("name", province.name()));
		}
		provinces.execute();
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, RegencyDocument.class);
		for (Regency regency : Regions.official().regencies()) {
			bulk.upsert(Query.query(where("_id").is(regency.code())),
					new Update().set("name", regency.name())
						.set("provinceCode", regency.provinceCode())
						.setOnInsert("version", 0L));
		}
		bulk.execute();
	}

	/**
	 * Sets what operators own, recording which client set it and when, and returns the
	 * regency as it is now.
	 */
	Optional<RegisteredRegency> set(String code, RegencyTargets targets, String client) {
		Instant now = this.clock.instant();
		return Optional
			.ofNullable(this.mongo.findAndModify(Query.query(where("_id").is(code)),
					new Update().set("workforce", targets.workforce())
						.set("target", targets.target())
						.set("targetsSetBy", client)
						.set("targetsSetAt", now)
						.inc("version", 1)
						.set("updatedAt", now),
					FindAndModifyOptions.options().returnNew(true), RegencyDocument.class))
			.map(RegencyDocument::registered);
	}

	@Override
	public List<RegisteredRegency> find(Collection<String> codes) {
		// In chunks: a store may match each document found against the whole $in list
		// (the embedded one does).
		List<String> all = List.copyOf(codes);
		List<RegisteredRegency> found = new ArrayList<>(all.size());
		for (int from = 0; from < all.size(); from += READ_CHUNK) {
			this.mongo
				.find(Query.query(where("_id").in(all.subList(from, Math.min(all.size(), from + READ_CHUNK)))),
						RegencyDocument.class)
				.forEach((regency) -> found.add(regency.registered()));
		}
		return found;
	}

	@Override
	public List<RegisteredRegency> inProvince(String provinceCode) {
		Query query = (provinceCode != null) ? Query.query(where("provinceCode").is(provinceCode)) : new Query();
		return this.mongo.find(query.with(Sort.by("_id")), RegencyDocument.class)
			.stream()
			.map(RegencyDocument::registered)
			.toList();
	}

}
