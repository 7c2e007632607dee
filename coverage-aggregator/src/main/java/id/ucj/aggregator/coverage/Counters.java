package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import jakarta.annotation.PostConstruct;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The regency counters ({@code counters}, written only by this package): each regency
 * takes, per partition, only the changes of events above that partition's counted offset,
 * in one compare-and-set update per batch on the regency's {@code version}; if another
 * writer moved it, the regency is read again and only what is still missing is added.
 */
@Component
class Counters {

	private static final int MAX_COUNTER_ROUNDS = 20;

	static final String POSITION = "position";

	private static final int READ_CHUNK = 100;

	/** Where counters were kept before they had a collection of their own. */
	private static final String LEGACY_COLLECTION = "regencies";

	private static final String LEGACY_PARTITIONS = "partitions";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Lock oneBatchAtATime = new ReentrantLock();

	Counters(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Every official regency has its counters before any event is counted. A store from
	 * before counters had a collection of their own keeps them: the first start copies
	 * them from {@code regencies}, where they were.
	 */
	@PostConstruct
	void seed() {
		Map<String, Document> legacy = new HashMap<>();
		if (this.mongo.estimatedCount(CounterDocument.class) == 0) {
			this.mongo.find(Query.query(where(LEGACY_PARTITIONS).exists(true)), Document.class, LEGACY_COLLECTION)
				.forEach((regency) -> legacy.put(regency.getString("_id"), regency));
		}
		Instant now = this.clock.instant();
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, CounterDocument.class);
		for (Regency regency : Regions.official().regencies()) {
			Document before = legacy.getOrDefault(regency.code(), new Document());
			Update seed = new Update().setOnInsert("version", before.get("version", 0L))
				.setOnInsert(LEGACY_PARTITIONS, before.get(LEGACY_PARTITIONS, Map.of()));
			if (!legacy.containsKey(regency.code())) {
				// New counters start in the current month: nothing has lapsed, so no
				// month has turned. (Without it,
				// the first check after the first start published all 514 regencies at
				// once.)
				before.put(MonthTurns.MONTH, CoverageView.monthOf(regency.code(), now).toString());
			}
			for (String field : List.of(MonthTurns.MONTH, "updatedAt", "lastEventAt")) {
				if (before.get(field) != null) {
					seed.setOnInsert(field, before.get(field));
				}
			}
			bulk.upsert(Query.query(where("_id").is(regency.code())), seed);
		}
		bulk.execute();
		createPositionIndex();
	}

	/**
	 * Adds a batch's supplies: for each regency, one compare-and-set on its
	 * {@code version} that takes, for every partition, the changes above that partition's
	 * counted offset. If the version moved (another instance, a month turn), that regency
	 * is read again and only what is still missing is added. Returns the touched
	 * regencies' counters as they stand after the batch.
	 * <p>
	 * The listener threads of one instance add one batch at a time: a batch spread over
	 * the country touches hundreds of regencies, and two threads adding at once collided
	 * on most of them, each collision a read and a write more
	 * (docs/performance-history.md, change 17). Between instances, the compare-and-set
	 * keeps it exact as before.
	 */
	Map<String, CounterDocument> add(List<BatchFold.Supply> supplies) {
		Map<String, List<BatchFold.Supply>> byRegency = byRegency(supplies);
		this.oneBatchAtATime.lock();
		try {
			return add(byRegency);
		}
		finally {
			this.oneBatchAtATime.unlock();
		}
	}

	private Map<String, CounterDocument> add(Map<String, List<BatchFold.Supply>> byRegency) {
		for (int round = 0; round < MAX_COUNTER_ROUNDS; round++) {
			Map<String, CounterDocument> counters = read(this.mongo, byRegency.keySet());
			// Milliseconds, as the store keeps them.
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			List<UpdateOneModel<Document>> updates = new ArrayList<>();
			Map<String, CounterDocument> after = new LinkedHashMap<>();
			for (Map.Entry<String, List<BatchFold.Supply>> regency : byRegency.entrySet()) {
				CounterDocument counter = counters.getOrDefault(regency.getKey(),
						CounterDocument.empty(regency.getKey()));
				CounterDocument.Increment increment = CounterDocument.Increment.uncounted(counter, regency.getValue());
				if (increment == null) {
					after.put(regency.getKey(), counter);
				}
				else {
					updates.add(new UpdateOneModel<>(atVersion(counter), update(increment, now)));
					after.put(regency.getKey(), counter.plus(increment, now));
				}
			}
			if (updates.isEmpty() || write(updates) == updates.size()) {
				return after;
			}
			// Another writer changed a regency since we read it: read again and count
			// only what is still missing.
		}
		throw new ConcurrentCounting("Regency counters kept changing concurrently");
	}

	/**
	 * The updates, unordered, straight to the driver; returns how many matched their
	 * version.
	 */
	private int write(List<UpdateOneModel<Document>> updates) {
		return this.mongo.getCollection(CounterDocument.COLLECTION)
			.bulkWrite(updates, new BulkWriteOptions().ordered(false))
			.getMatchedCount();
	}

	/**
	 * The counters of these regencies, by code, read {@value #READ_CHUNK} at a time: a
	 * store may match every document it finds against the whole {@code $in} list, so one
	 * read of all 514 regencies costs a quarter of a million comparisons.
	 */
	static Map<String, CounterDocument> read(MongoTemplate mongo, Collection<String> regencies) {
		List<String> codes = List.copyOf(regencies);
		Map<String, CounterDocument> counters = new HashMap<>();
		for (int from = 0; from < codes.size(); from += READ_CHUNK) {
			mongo
				.find(Query.query(where("_id").in(codes.subList(from, Math.min(codes.size(), from + READ_CHUNK)))),
						CounterDocument.class)
				.forEach((counter) -> counters.put(counter.code(), counter));
		}
		return counters;
	}

	private static Map<String, List<BatchFold.Supply>> byRegency(List<BatchFold.Supply> supplies) {
		Map<String, List<BatchFold.Supply>> grouped = new LinkedHashMap<>();
		supplies
			.forEach((supply) -> grouped.computeIfAbsent(supply.regencyCode(), (key) -> new ArrayList<>()).add(supply));
		return grouped;
	}

	/**
	 * The compare-and-set filter, flat: {@code {_id, version}}, exactly the keys of the
	 * {@value #POSITION} index, which a store can then serve without scanning the
	 * collection.
	 */
	private static Document atVersion(CounterDocument counter) {
		return new Document("_id", counter.code()).append(CounterDocument.VERSION, counter.version());
	}

	/**
	 * A unique index on {@code {_id, version}}: the embedded store uses an index only for
	 * a filter naming exactly its keys, and otherwise scans every regency's counters for
	 * each update (a batch spread over the country makes hundreds). Real MongoDB serves
	 * the filter from {@code _id} and keeps this small index besides. Unique, as that
	 * store keeps only unique indexes ({@code _id} makes it so). The per-partition
	 * indexes of earlier versions are dropped: every index costs each counter write.
	 */
	private void createPositionIndex() {
		IndexOperations indexes = this.mongo.indexOps(CounterDocument.class);
		indexes.getIndexInfo()
			.stream()
			.map(IndexInfo::getName)
			.filter((name) -> name.startsWith(POSITION + "-"))
			.forEach(indexes::dropIndex);
		indexes.createIndex(new Index().on("_id", Sort.Direction.ASC)
			.on(CounterDocument.VERSION, Sort.Direction.ASC)
			.unique()
			.named(POSITION));
	}

	/**
	 * The increment as an update document, built by hand rather than mapped by Spring
	 * Data: mapping each {@code totals.<counter>} path against {@link CounterDocument}
	 * took a quarter of the counting thread in a country-wide batch
	 * (docs/performance-history.md, change 17).
	 */
	static Document update(CounterDocument.Increment increment, Instant now) {
		Document inc = new Document();
		increment.counts().asMap().forEach((name, amount) -> inc.append(CounterDocument.TOTALS + "." + name, amount));
		inc.append(CounterDocument.VERSION, 1L);
		Document set = new Document();
		increment.offsets().forEach((partition, offset) -> set.append(CounterDocument.offsetField(partition), offset));
		set.append("updatedAt", now);
		return new Document("$inc", inc).append("$set", set)
			.append("$max", new Document("lastEventAt", increment.lastEventAt()));
	}

}
