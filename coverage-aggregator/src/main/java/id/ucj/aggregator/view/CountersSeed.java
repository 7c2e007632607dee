package id.ucj.aggregator.view;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import jakarta.annotation.PostConstruct;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every official regency has its counters document before anything is counted, so that
 * the API and the gauges show all 514 from the start. New counters start in their
 * regency's current month: nothing has lapsed, so no month has turned (without it, the
 * first month check after the first start published all 514 regencies at once).
 */
@Component
class CountersSeed {

	private static final Logger logger = LoggerFactory.getLogger(CountersSeed.class);

	/** Where the engine before Kafka Streams kept each participant. */
	static final String PREVIOUS_MEMBERSHIPS = "memberships";

	private final MongoTemplate mongo;

	private final Clock clock;

	CountersSeed(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void seed() {
		Instant now = this.clock.instant();
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, CounterDocument.class);
		for (Regency regency : Regions.official().regencies()) {
			bulk.upsert(Query.query(where("_id").is(regency.code())),
					new Update().setOnInsert(CounterDocument.VERSION, 0L)
						.setOnInsert(CounterDocument.MONTH, CoverageView.monthOf(regency.code(), now).toString()));
		}
		bulk.execute();
		if (this.mongo.collectionExists(PREVIOUS_MEMBERSHIPS)) {
			logger.warn("This database was counted by the engine before Kafka Streams ('{}' holds its participants): "
					+ "run the recount (docs/operations.md, Recount) to count it again from participant-events and "
					+ "drop what only that engine needed", PREVIOUS_MEMBERSHIPS);
		}
	}

}
