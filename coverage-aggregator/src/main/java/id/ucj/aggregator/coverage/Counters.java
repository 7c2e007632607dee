package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import jakarta.annotation.PostConstruct;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The regency counters ({@code counters}, written only by this package): each regency and partition takes only the
 * changes of events above its recorded offset, in one compare-and-set update on that offset; if another writer
 * moved it, the regency is read again and only what is still missing is added.
 */
@Component
class Counters {

	private static final int MAX_COUNTER_ROUNDS = 20;

	/** Where counters were kept before they had a collection of their own. */
	private static final String LEGACY_COLLECTION = "regencies";

	private static final String LEGACY_PARTITIONS = "partitions";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Set<Integer> indexedPartitions = ConcurrentHashMap.newKeySet();

	Counters(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Every official regency has its counters before any event is counted. A store from before counters had a
	 * collection of their own keeps them: the first start copies them from {@code regencies}, where they were.
	 */
	@PostConstruct
	void seed() {
		Map<String, Document> legacy = new HashMap<>();
		if (this.mongo.estimatedCount(CounterDocument.class) == 0) {
			this.mongo.find(Query.query(where(LEGACY_PARTITIONS).exists(true)), Document.class, LEGACY_COLLECTION)
				.forEach((regency) -> legacy.put(regency.getString("_id"), regency));
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, CounterDocument.class);
		for (Regency regency : Regions.official().regencies()) {
			Document before = legacy.getOrDefault(regency.code(), new Document());
			Update seed = new Update().setOnInsert("version", before.get("version", 0L))
				.setOnInsert(LEGACY_PARTITIONS, before.get(LEGACY_PARTITIONS, Map.of()));
			for (String field : List.of("month", "updatedAt", "lastEventAt")) {
				if (before.get(field) != null) {
					seed.setOnInsert(field, before.get(field));
				}
			}
			bulk.upsert(Query.query(where("_id").is(regency.code())), seed);
		}
		bulk.execute();
	}

	void add(List<BatchFold.Supply> supplies) {
		if (supplies.isEmpty()) {
			return;
		}
		Set<String> regencies = supplies.stream().map(BatchFold.Supply::regencyCode).collect(Collectors.toSet());
		for (int round = 0; round < MAX_COUNTER_ROUNDS; round++) {
			Map<String, CounterDocument> counters = this.mongo
				.find(Query.query(where("_id").in(regencies)), CounterDocument.class)
				.stream()
				.collect(Collectors.toMap(CounterDocument::code, Function.identity()));
			BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, CounterDocument.class);
			int operations = 0;
			for (Map.Entry<RegencyPartition, List<BatchFold.Supply>> entry : byRegencyAndPartition(supplies).entrySet()) {
				CounterDocument counter = counters.getOrDefault(entry.getKey().regencyCode(),
						CounterDocument.empty(entry.getKey().regencyCode()));
				int partition = entry.getKey().partition();
				long counted = counter.countedOffset(partition);
				List<BatchFold.Supply> uncounted = entry.getValue().stream().filter((supply) -> supply.offset() > counted).toList();
				if (!uncounted.isEmpty()) {
					bulk.updateOne(counterAt(counter.code(), partition, counted), increment(partition, uncounted));
					operations++;
				}
			}
			if (operations == 0 || bulk.execute().getMatchedCount() == operations) {
				return;
			}
			// Another writer moved an offset since we read it: read again and count only what is still missing.
		}
		throw new ConcurrentCounting("Regency counters kept changing concurrently");
	}

	private record RegencyPartition(String regencyCode, int partition) {
	}

	private static Map<RegencyPartition, List<BatchFold.Supply>> byRegencyAndPartition(List<BatchFold.Supply> supplies) {
		Map<RegencyPartition, List<BatchFold.Supply>> grouped = new LinkedHashMap<>();
		supplies.forEach((supply) -> grouped
			.computeIfAbsent(new RegencyPartition(supply.regencyCode(), supply.partition()), (key) -> new ArrayList<>())
			.add(supply));
		return grouped;
	}

	/**
	 * The compare-and-set filter, flat: {@code {_id, partitions.pN.offset}}, exactly the keys of that partition's
	 * position index, which a store can then serve without scanning the collection.
	 */
	private Query counterAt(String regencyCode, int partition, long countedOffset) {
		String key = "partitions." + CounterDocument.partitionKey(partition);
		if (countedOffset < 0) {
			return Query.query(where("_id").is(regencyCode).and(key).exists(false));
		}
		ensurePositionIndex(partition);
		return Query.query(where("_id").is(regencyCode).and(key + "." + CounterDocument.OFFSET).is(countedOffset));
	}

	/**
	 * A unique index on {@code {_id, partitions.pN.offset}} for each partition counted: the embedded store uses an
	 * index only for a filter naming exactly its keys, and otherwise scans every regency's counters for each update
	 * (a batch spread over the country makes thousands). Real MongoDB serves the filter from {@code _id} and keeps
	 * this small index besides. Unique, as that store keeps only unique indexes ({@code _id} makes it so).
	 */
	private void ensurePositionIndex(int partition) {
		if (this.indexedPartitions.contains(partition)) {
			return;
		}
		this.mongo.indexOps(CounterDocument.class)
			.createIndex(new Index().on("_id", Sort.Direction.ASC)
				.on("partitions." + CounterDocument.partitionKey(partition) + "." + CounterDocument.OFFSET, Sort.Direction.ASC)
				.unique()
				.named("position-" + CounterDocument.partitionKey(partition)));
		this.indexedPartitions.add(partition);
	}

	private Update increment(int partition, List<BatchFold.Supply> uncounted) {
		String key = "partitions." + CounterDocument.partitionKey(partition) + ".";
		Counts total = new Counts();
		uncounted.forEach((supply) -> total.add(supply.counts()));
		Update update = new Update();
		total.asMap().forEach((name, amount) -> update.inc(key + name, amount));
		long lastOffset = uncounted.stream().mapToLong(BatchFold.Supply::offset).max().orElseThrow();
		Instant lastEvent = uncounted.stream().map(BatchFold.Supply::occurredAt).max(Instant::compareTo).orElseThrow();
		return update.set(key + CounterDocument.OFFSET, lastOffset)
			.inc("version", 1)
			.set("updatedAt", this.clock.instant())
			.max("lastEventAt", lastEvent);
	}

}
