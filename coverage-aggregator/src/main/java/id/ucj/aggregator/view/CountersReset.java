package id.ucj.aggregator.view;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Empties the live view for a recount: every regency's counts go, its {@code version}
 * stays and grows (so that the snapshots published after the recount are newer than any
 * before it), and its month stays. What the engine before Kafka Streams kept per
 * participant is dropped.
 */
@Component
public class CountersReset {

	private final MongoTemplate mongo;

	CountersReset(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Returns how many regencies' counters were emptied. */
	public long empty() {
		this.mongo.dropCollection(CountersSeed.PREVIOUS_MEMBERSHIPS);
		return this.mongo.getCollection(CounterDocument.COLLECTION)
			.updateMany(new Document(),
					new Document("$set", new Document(CounterDocument.TOTALS, new Document()))
						.append("$unset",
								new Document(CountersView.COUNTS_VERSION, "").append("partitions", "")
									.append("lastEventAt", ""))
						.append("$inc", new Document(CounterDocument.VERSION, 1L)))
			.getModifiedCount();
	}

}
