package id.ucj.aggregator.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * One point per regency and local day, the day's last snapshot, kept for
 * {@link #KEPT_YEARS} years (a TTL index on {@code expireAt}). Written with the live
 * view: a point is replaced only by a newer version, so replays and stale writers change
 * nothing.
 */
@Component
public class CoverageHistory {

	static final String COLLECTION = "coverage_history";

	/** How long a day's point is kept: three years, and one more for a slow reader. */
	static final int KEPT_YEARS = 4;

	private final MongoTemplate mongo;

	CoverageHistory(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.getCollection(COLLECTION)
			.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
		mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("regencyCode", "day"));
	}

	@EventListener
	void on(CoverageChanged changed) {
		record(changed.regencies());
	}

	void record(Collection<CoverageView> views) {
		List<UpdateOneModel<Document>> updates = new ArrayList<>(views.size());
		for (CoverageView view : views) {
			HistoryPoint point = HistoryPoint.of(view);
			updates.add(new UpdateOneModel<>(olderThan(point), new Document("$set", document(point)),
					new UpdateOptions().upsert(true)));
		}
		if (updates.isEmpty()) {
			return;
		}
		try {
			this.mongo.getCollection(COLLECTION).bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			// A newer point of that day is held already: the collision on _id is the
			// point.
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	/** A regency's points from {@code from} to {@code to} (local days, inclusive). */
	public List<HistoryPoint> of(String regencyCode, LocalDate from, LocalDate to) {
		List<HistoryPoint> points = new ArrayList<>();
		this.mongo.getCollection(COLLECTION)
			.find(Filters.and(Filters.eq("regencyCode", regencyCode), Filters.gte("day", from.toString()),
					Filters.lte("day", to.toString())))
			.sort(Sorts.ascending("day"))
			.forEach((document) -> points.add(point(document)));
		return points;
	}

	private static Bson olderThan(HistoryPoint point) {
		return Filters.and(Filters.eq("_id", point.id()), Filters.lt("version", point.version()));
	}

	private static Document document(HistoryPoint point) {
		Instant expireAt = point.day().plusYears(KEPT_YEARS).atStartOfDay(ZoneOffset.UTC).toInstant();
		return new Document("regencyCode", point.regencyCode()).append("day", point.day().toString())
			.append("covered", point.covered())
			.append("registered", point.registered())
			.append("workforce", point.workforce())
			.append("coverageRatio", point.coverageRatio())
			.append("target", point.target())
			.append("asOf", Date.from(point.asOf()))
			.append("version", point.version())
			.append("expireAt", Date.from(expireAt));
	}

	private static HistoryPoint point(Document document) {
		Number workforce = document.get("workforce", Number.class);
		Number ratio = document.get("coverageRatio", Number.class);
		Number target = document.get("target", Number.class);
		return new HistoryPoint(document.getString("regencyCode"), LocalDate.parse(document.getString("day")),
				document.get("covered", Number.class).longValue(), document.get("registered", Number.class).longValue(),
				(workforce != null) ? workforce.longValue() : null, (ratio != null) ? ratio.doubleValue() : null,
				(target != null) ? target.doubleValue() : null, document.getDate("asOf").toInstant(),
				document.get("version", Number.class).longValue());
	}

}
