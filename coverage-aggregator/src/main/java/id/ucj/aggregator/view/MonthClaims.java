package id.ucj.aggregator.view;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The regencies' months as last published, in their counters: a compare-and-set on
 * {@code month} makes a month turn claimed once, however many instances try.
 */
@Component
public class MonthClaims {

	private final MongoTemplate mongo;

	public MonthClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Those of the regencies whose counters are not in {@code month} yet. */
	public List<String> behind(Collection<String> regencies, String month) {
		return this.mongo
			.find(Query.query(where("_id").in(regencies).and(CounterDocument.MONTH).ne(month)), CounterDocument.class)
			.stream()
			.map(CounterDocument::code)
			.toList();
	}

	/**
	 * Moves the regency to {@code month} and its version on, unless it is there already;
	 * true for the one caller that moved it.
	 */
	public boolean claim(String regency, String month, Instant now) {
		return this.mongo.updateFirst(Query.query(where("_id").is(regency).and(CounterDocument.MONTH).ne(month)),
				new Update().set(CounterDocument.MONTH, month).inc(CounterDocument.VERSION, 1).set("updatedAt", now),
				CounterDocument.class)
			.getModifiedCount() == 1;
	}

}
