package id.ucj.aggregator.view;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import id.ucj.aggregator.forecast.Premiums;
import id.ucj.aggregator.topology.LiveView;
import id.ucj.aggregator.topology.RegencyTotal;
import id.ucj.contract.CoverageSnapshot;

/**
 * The live view as the Kafka Streams job writes it: each regency's counters document
 * takes the regency's totals (absolute) only when they are newer than what it holds, by
 * {@code countsVersion}, the version of the regency step's state. A replay after a crash,
 * a write of an instance that lost its tasks, or writes arriving out of order change
 * nothing; an applied write adds one to the document's {@code version}, as a month turn
 * does, so that snapshots keep growing. No multi-document transaction: each regency is
 * one document, and one conditional update.
 */
@Component
class CountersView implements LiveView {

	static final String COUNTS_VERSION = "countsVersion";

	private final MongoTemplate mongo;

	private final CoverageStore store;

	private final Clock clock;

	private final CoverageBoard board;

	private final CoverageHistory history;

	private final long premium;

	private final boolean recounting;

	CountersView(MongoTemplate mongo, CoverageStore store, CoverageBoard board, CoverageHistory history, Clock clock,
			Premiums premiums) {
		this(mongo, store, board, history, clock, premiums, false);
	}

	/**
	 * While recounting, the view is written but no snapshot goes out: the recount
	 * publishes each regency's once, at the end, rather than every partial count on the
	 * way.
	 */
	@Autowired
	CountersView(MongoTemplate mongo, CoverageStore store, CoverageBoard board, CoverageHistory history, Clock clock,
			Premiums premiums, @Value("${" + LapseRules.RECOUNT + ":false}") boolean recounting) {
		this.recounting = recounting;
		this.mongo = mongo;
		this.store = store;
		this.board = board;
		this.history = history;
		this.clock = clock;
		this.premium = premiums.forPlans();
	}

	@Override
	public List<CoverageSnapshot> write(List<RegencyTotal> totals) {
		if (totals.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<UpdateOneModel<Document>> updates = new ArrayList<>(totals.size());
		List<String> codes = new ArrayList<>(totals.size());
		for (RegencyTotal total : totals) {
			updates
				.add(new UpdateOneModel<>(newerThanHeld(total), update(total, now), new UpdateOptions().upsert(true)));
			codes.add(total.regencyCode());
		}
		try {
			this.mongo.getCollection(CounterDocument.COLLECTION)
				.bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			// An upsert whose filter found no older state collides with the newer
			// document on _id: that regency is
			// already ahead, which is the point. Anything else is a real failure.
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
		List<CoverageView> views = this.store.regencies(codes);
		views.forEach(this.board::update);
		this.history.record(views);
		return this.recounting ? List.of() : views.stream().map((view) -> view.snapshot(this.premium)).toList();
	}

	private static org.bson.conversions.Bson newerThanHeld(RegencyTotal total) {
		return Filters.and(Filters.eq("_id", total.regencyCode()),
				Filters.or(Filters.lt(COUNTS_VERSION, total.version()), Filters.exists(COUNTS_VERSION, false)));
	}

	private static Document update(RegencyTotal total, Instant now) {
		Document set = new Document(CounterDocument.TOTALS, new Document(total.counts().asMap()))
			.append(COUNTS_VERSION, total.version())
			.append("updatedAt", now);
		if (total.lastEventAt() != null) {
			set.append("lastEventAt", total.lastEventAt());
		}
		return new Document("$set", set).append("$inc", new Document(CounterDocument.VERSION, 1L));
	}

}
