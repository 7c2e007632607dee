package id.ucj.aggregator.coverage;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * An index whose keys are exactly those of the membership compare-and-set filter
 * ({@code _id}, {@code partition}, {@code lastOffset}: see {@link Counting}). Real
 * MongoDB serves that filter from its {@code _id} index anyway; the embedded store
 * (mongo-java-server) uses an index only when the filter names exactly its keys, and
 * otherwise scans the whole collection for every update of a known participant: a move, a
 * duplicate, a deregistration, a contribution. Unique, as that store keeps only unique
 * indexes (it is: {@code _id} is). Created before the listener starts, like the regency
 * registry.
 */
@Component
class MembershipIndexes {

	static final String POSITION = "position";

	private final MongoTemplate mongo;

	MembershipIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void create() {
		this.mongo.indexOps(MembershipDocument.class)
			.createIndex(new Index().on("_id", Sort.Direction.ASC)
				.on("partition", Sort.Direction.ASC)
				.on("lastOffset", Sort.Direction.ASC)
				.unique()
				.named(POSITION));
	}

}
