package id.ucj.aggregator.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteResult;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code memberships} collection, its only writer: reads a batch's memberships, and writes the changed ones
 * with a compare-and-set on the position of the last event each had applied.
 */
@Component
class Memberships {

	private static final int READ_CHUNK = 250;

	private final MongoTemplate mongo;

	Memberships(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Reads the batch's memberships by {@code _id}, {@value #READ_CHUNK} at a time: a store may match every document
	 * it finds against the whole {@code $in} list (the embedded one does, so one read of 2,000 ids costs 4 million
	 * comparisons, a fifth of the aggregator's CPU in a profile); a few more round trips cost far less.
	 */
	Map<String, MembershipDocument> load(List<CountedEvent> events) {
		List<String> ids = events.stream().map((event) -> event.event().participantId()).distinct().toList();
		Map<String, MembershipDocument> stored = new HashMap<>();
		for (int from = 0; from < ids.size(); from += READ_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
			this.mongo.find(Query.query(where("_id").in(chunk)), MembershipDocument.class)
				.forEach((membership) -> stored.put(membership.participantId(), membership));
		}
		return stored;
	}

	/** Inserts new memberships and replaces changed ones only where nobody else moved them since they were read. */
	void write(Set<String> changed, Map<String, MembershipDocument> stored,
			Map<String, MembershipDocument> working) {
		if (changed.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, MembershipDocument.class);
		int updates = 0;
		for (String participantId : changed) {
			MembershipDocument before = stored.get(participantId);
			if (before == null) {
				bulk.insert(working.get(participantId));
			}
			else {
				bulk.replaceOne(Query.query(where("_id").is(participantId)
					.and("partition").is(before.partition())
					.and("lastOffset").is(before.lastOffset())), working.get(participantId));
				updates++;
			}
		}
		BulkWriteResult result;
		try {
			result = bulk.execute();
		}
		catch (BulkOperationException | DuplicateKeyException ex) {
			throw new ConcurrentCounting("A membership of this batch was created concurrently");
		}
		if (result.getMatchedCount() < updates) {
			throw new ConcurrentCounting("A membership of this batch changed concurrently");
		}
	}

}
