package id.ucj.aggregator.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code memberships} collection, its only writer: reads a batch's memberships, and
 * writes the changed ones with a compare-and-set on the position of the last event each
 * had applied. Through the driver's own collection, with {@link MembershipCodec} for the
 * documents: this is the aggregator's hottest path.
 */
@Component
class Memberships {

	private static final int READ_CHUNK = 250;

	private final MongoTemplate mongo;

	private final CodecRegistry codecs;

	Memberships(MongoTemplate mongo) {
		this.mongo = mongo;
		this.codecs = CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(new MembershipCodec()),
				mongo.getCollection(MembershipCodec.COLLECTION).getCodecRegistry());
	}

	private MongoCollection<MembershipDocument> collection() {
		return this.mongo.getCollection(MembershipCodec.COLLECTION)
			.withDocumentClass(MembershipDocument.class)
			.withCodecRegistry(this.codecs);
	}

	/**
	 * Reads the batch's memberships by {@code _id}, {@value #READ_CHUNK} at a time: a
	 * store may match every document it finds against the whole {@code $in} list (the
	 * embedded one does, so one read of 2,000 ids costs 4 million comparisons, a fifth of
	 * the aggregator's CPU in a profile); a few more round trips cost far less.
	 */
	Map<String, MembershipDocument> load(List<CountedEvent> events) {
		List<String> ids = events.stream().map((event) -> event.event().participantId()).distinct().toList();
		Map<String, MembershipDocument> stored = new HashMap<>();
		for (int from = 0; from < ids.size(); from += READ_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
			collection().find(Filters.in("_id", chunk))
				.forEach((membership) -> stored.put(membership.participantId(), membership));
		}
		return stored;
	}

	/**
	 * Inserts new memberships and replaces changed ones only where nobody else moved them
	 * since they were read.
	 */
	void write(Set<String> changed, Map<String, MembershipDocument> stored, Map<String, MembershipDocument> working) {
		if (changed.isEmpty()) {
			return;
		}
		List<WriteModel<MembershipDocument>> writes = new ArrayList<>(changed.size());
		int updates = 0;
		for (String participantId : changed) {
			MembershipDocument before = stored.get(participantId);
			MembershipDocument after = working.get(participantId);
			if (before == null) {
				writes.add(new InsertOneModel<>(after));
			}
			else {
				// Exactly the keys of the position index (MembershipIndexes), so that any
				// store serves it from there.
				Document position = new Document("_id", participantId).append("partition", before.partition())
					.append("lastOffset", before.lastOffset());
				writes.add(new ReplaceOneModel<>(position, after));
				updates++;
			}
		}
		BulkWriteResult result;
		try {
			result = collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors()
				.stream()
				.allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
				throw new ConcurrentCounting("A membership of this batch was created concurrently");
			}
			throw ex;
		}
		if (result.getMatchedCount() < updates) {
			throw new ConcurrentCounting("A membership of this batch changed concurrently");
		}
	}

}
