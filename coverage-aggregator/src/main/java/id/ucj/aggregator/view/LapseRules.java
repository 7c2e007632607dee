package id.ucj.aggregator.view;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.LapseRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The lapse rule the counts in MongoDB are made with ({@code counting-rules}). The month
 * counters hold where each participant's active stretch ends, so counts made with one
 * rule cannot be corrected with another: the first instance records its rule, and an
 * instance configured with a different one refuses to start rather than mix them.
 * Changing the rule means recounting the topic into an empty database.
 */
@Component
public class LapseRules {

	static final String COLLECTION = "counting-rules";

	private static final String ID = "lapse";

	/** Set when the service runs as the recount command. */
	public static final String RECOUNT = "ucj.recount.enabled";

	private final LapseRule rule;

	LapseRules(MongoTemplate mongo, CoverageSettings settings) {
		this(mongo, settings, false);
	}

	/**
	 * A recount counts everything again with the configured rule, so it records that
	 * rule, whatever the store held.
	 */
	@Autowired
	LapseRules(MongoTemplate mongo, CoverageSettings settings, @Value("${" + RECOUNT + ":false}") boolean recounting) {
		this.rule = settings.lapseRule();
		Query query = Query.query(where("_id").is(ID));
		if (recounting) {
			mongo.save(new StoredRule(ID, this.rule.unpaidMonthsToLapse()), COLLECTION);
		}
		StoredRule stored = mongo.findOne(query, StoredRule.class, COLLECTION);
		if (stored == null) {
			try {
				mongo.insert(new StoredRule(ID, this.rule.unpaidMonthsToLapse()), COLLECTION);
			}
			catch (DuplicateKeyException raced) {
				// another instance recorded its rule first: checked below
			}
			stored = mongo.findOne(query, StoredRule.class, COLLECTION);
		}
		if (stored.unpaidMonthsToLapse() != this.rule.unpaidMonthsToLapse()) {
			throw new IllegalStateException(("The coverage counts in MongoDB were made with "
					+ "ucj.coverage.unpaid-months-to-lapse=%d, and this instance is configured with %d. Counts cannot mix two "
					+ "rules: configure %d, or recount the participant-events topic into an empty database.")
				.formatted(stored.unpaidMonthsToLapse(), this.rule.unpaidMonthsToLapse(),
						stored.unpaidMonthsToLapse()));
		}
	}

	LapseRule rule() {
		return this.rule;
	}

	/** The rule the counting job counts with: the one the store records. */
	@Bean
	LapseRule countingRule() {
		return this.rule;
	}

	record StoredRule(String id, int unpaidMonthsToLapse) {
	}

}
