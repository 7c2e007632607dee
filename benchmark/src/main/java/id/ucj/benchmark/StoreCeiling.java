package id.ucj.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The store's own ceiling: unordered bulk upserts, by {@code _id}, of documents shaped
 * and sized like the aggregator's memberships, in bulks of the aggregator's largest
 * batch.
 */
final class StoreCeiling {

	private StoreCeiling() {
	}

	static double measure(Store store, int count, int bulkSize) {
		try (MongoClient client = MongoClients.create(store.uri("ceiling"))) {
			MongoCollection<Document> memberships = client.getDatabase("ceiling").getCollection("memberships");
			long start = System.nanoTime();
			for (int from = 0; from < count; from += bulkSize) {
				List<WriteModel<Document>> bulk = new ArrayList<>(bulkSize);
				for (int i = from; i < Math.min(count, from + bulkSize); i++) {
					String id = "participant-" + i;
					bulk.add(new ReplaceOneModel<>(Filters.eq("_id", id), membership(id, i),
							new ReplaceOptions().upsert(true)));
				}
				memberships.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
			}
			double rate = count / RawKafka.seconds(start);
			// The aggregator's run comes next on the same store: it must not find (nor
			// hold in memory) these.
			client.getDatabase("ceiling").drop();
			return rate;
		}
	}

	private static Document membership(String id, int i) {
		return new Document("_id", id).append("active", true)
			.append("regencyCode", "15.0" + (i % 9 + 1))
			.append("segment", "BPU")
			.append("programs", List.of("JKK", "JKM"))
			.append("fundingSource", "APBD")
			.append("lastOccurredAt", Instant.parse("2024-10-14T00:00:00Z").plusSeconds(i))
			.append("partition", i % 6)
			.append("lastOffset", (long) i)
			.append("pending",
					List.of(new Document("offset", (long) i).append("occurredAt", Instant.parse("2024-10-14T00:00:00Z"))
						.append("changes",
								List.of(new Document("regencyCode", "15.03").append("counts",
										new Document("covered", 1L).append("segment_BPU", 1L)
											.append("program_JKK", 1L)
											.append("program_JKM", 1L)
											.append("funding_APBD", 1L))))));
	}

}
