package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteResult;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Counts a batch of participant events into the regency counters exactly once, without multi-document
 * transactions, whatever the batch boundaries of a replay and even with a stale consumer still writing:
 * <ol>
 * <li>memberships are read, the events applied in memory in topic order, and the changed memberships written
 * with compare-and-set on the position of their last event; each keeps the count changes of its recent
 * events;</li>
 * <li>each regency counter takes, per partition, only the changes of events above its recorded offset, in one
 * compare-and-set update on that offset; if the offset moved, it is read again and recomputed.</li>
 * </ol>
 * A replayed event whose membership already records it re-supplies its stored change instead of being applied
 * again, so a crash between the two steps loses nothing and doubles nothing.
 */
@Component
class Counting {

	private static final int MAX_COUNTER_ROUNDS = 20;

	private static final int READ_CHUNK = 250;

	private final MongoTemplate mongo;

	private final CrashPoint crashPoint;

	private final Clock clock;

	Counting(MongoTemplate mongo, CrashPoint crashPoint, Clock clock) {
		this.mongo = mongo;
		this.crashPoint = crashPoint;
		this.clock = clock;
	}

	/** What a batch did: each event's outcome, and the regencies it touched. */
	record Result(Map<Outcome, Integer> outcomes, Set<String> regencies) {
	}

	enum Outcome {

		APPLIED, MOVED, UNCHANGED, LATE, WRONG_REGENCY,
		/** Already applied to its membership by an earlier attempt; its stored change was supplied again. */
		REPLAYED,
		/** Already applied and counted by an earlier attempt. */
		ALREADY_COUNTED

	}

	/** A change to count: which regency, which partition and offset it comes from, and by how much. */
	private record Supply(String regencyCode, int partition, long offset, Instant occurredAt, Counts counts) {
	}

	Result count(List<CountedEvent> events) {
		Map<String, MembershipDocument> stored = load(events);
		Map<String, MembershipDocument> working = new HashMap<>(stored);
		Map<Integer, Long> oldestOffset = new HashMap<>();
		events.forEach((event) -> oldestOffset.merge(event.partition(), event.offset(), Math::min));

		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		Set<String> changed = new LinkedHashSet<>();
		List<Supply> supplies = new ArrayList<>();
		for (CountedEvent event : events) {
			String participantId = event.event().participantId();
			MembershipDocument current = working.get(participantId);
			MembershipDocument.PendingChange pending = pendingAt(current, event);
			Outcome outcome;
			if (pending != null) {
				pending.changes().forEach((change) -> supplies.add(new Supply(change.regencyCode(), event.partition(),
						event.offset(), pending.occurredAt(), Counts.of(change.counts()))));
				outcome = Outcome.REPLAYED;
			}
			else if (current != null && current.partition() == event.partition() && current.lastOffset() >= event.offset()) {
				outcome = Outcome.ALREADY_COUNTED;
			}
			else {
				Membership before = (current != null) ? current.membership() : Membership.NONE;
				Membership.Transition transition = before.apply(event.event());
				transition.changes().forEach((regency, counts) -> supplies.add(new Supply(regency, event.partition(),
						event.offset(), event.event().occurredAt(), counts)));
				working.put(participantId, MembershipDocument.after(participantId, current, transition, event,
						oldestOffset.get(event.partition())));
				changed.add(participantId);
				outcome = Outcome.valueOf(transition.outcome().name());
			}
			outcomes.merge(outcome, 1, Integer::sum);
		}

		writeMemberships(changed, stored, working);
		this.crashPoint.afterMembershipsWritten(List.copyOf(changed));
		writeCounters(supplies);
		return new Result(outcomes, supplies.stream().map(Supply::regencyCode).collect(Collectors.toCollection(LinkedHashSet::new)));
	}

	/**
	 * Reads the batch's memberships by {@code _id}, {@value #READ_CHUNK} at a time: a store may match every document
	 * it finds against the whole {@code $in} list (the embedded one does, so one read of 2,000 ids costs 4 million
	 * comparisons, a fifth of the aggregator's CPU in a profile); a few more round trips cost far less.
	 */
	private Map<String, MembershipDocument> load(List<CountedEvent> events) {
		List<String> ids = events.stream().map((event) -> event.event().participantId()).distinct().toList();
		Map<String, MembershipDocument> stored = new HashMap<>();
		for (int from = 0; from < ids.size(); from += READ_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
			this.mongo.find(Query.query(where("_id").in(chunk)), MembershipDocument.class)
				.forEach((membership) -> stored.put(membership.participantId(), membership));
		}
		return stored;
	}

	private static MembershipDocument.PendingChange pendingAt(MembershipDocument membership, CountedEvent event) {
		if (membership == null || membership.pending() == null || membership.partition() != event.partition()) {
			return null;
		}
		return membership.pending().stream().filter((change) -> change.offset() == event.offset()).findFirst().orElse(null);
	}

	private void writeMemberships(Set<String> changed, Map<String, MembershipDocument> stored,
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

	private void writeCounters(List<Supply> supplies) {
		if (supplies.isEmpty()) {
			return;
		}
		Set<String> regencies = supplies.stream().map(Supply::regencyCode).collect(Collectors.toSet());
		for (int round = 0; round < MAX_COUNTER_ROUNDS; round++) {
			Map<String, RegencyDocument> counters = this.mongo
				.find(Query.query(where("_id").in(regencies)), RegencyDocument.class)
				.stream()
				.collect(Collectors.toMap(RegencyDocument::code, Function.identity()));
			BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, RegencyDocument.class);
			int operations = 0;
			for (Map.Entry<RegencyPartition, List<Supply>> entry : byRegencyAndPartition(supplies).entrySet()) {
				RegencyDocument counter = counters.get(entry.getKey().regencyCode());
				if (counter == null) {
					throw new IllegalStateException("No counter for regency " + entry.getKey().regencyCode());
				}
				int partition = entry.getKey().partition();
				long counted = counter.countedOffset(partition);
				List<Supply> uncounted = entry.getValue().stream().filter((supply) -> supply.offset() > counted).toList();
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

	private static Map<RegencyPartition, List<Supply>> byRegencyAndPartition(List<Supply> supplies) {
		Map<RegencyPartition, List<Supply>> grouped = new LinkedHashMap<>();
		supplies.forEach((supply) -> grouped
			.computeIfAbsent(new RegencyPartition(supply.regencyCode(), supply.partition()), (key) -> new ArrayList<>())
			.add(supply));
		return grouped;
	}

	private static Query counterAt(String regencyCode, int partition, long countedOffset) {
		String key = "partitions." + RegencyDocument.partitionKey(partition);
		Criteria offset = (countedOffset < 0) ? where(key).exists(false) : where(key + "." + RegencyDocument.OFFSET).is(countedOffset);
		return Query.query(where("_id").is(regencyCode).andOperator(offset));
	}

	private Update increment(int partition, List<Supply> uncounted) {
		String key = "partitions." + RegencyDocument.partitionKey(partition) + ".";
		Counts total = new Counts();
		uncounted.forEach((supply) -> total.add(supply.counts()));
		Update update = new Update();
		total.asMap().forEach((name, amount) -> update.inc(key + name, amount));
		long lastOffset = uncounted.stream().mapToLong(Supply::offset).max().orElseThrow();
		Instant lastEvent = uncounted.stream().map(Supply::occurredAt).max(Instant::compareTo).orElseThrow();
		return update.set(key + RegencyDocument.OFFSET, lastOffset)
			.inc("version", 1)
			.set("updatedAt", this.clock.instant())
			.max("lastEventAt", lastEvent);
	}

}
