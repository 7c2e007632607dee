package id.ucj.notification.crossing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Alert;
import id.ucj.notification.alert.AlertMetrics;
import id.ucj.notification.alert.AlertRecorded;
import id.ucj.notification.alert.Direction;
import id.ucj.notification.delivery.Channels;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Takes a snapshot exactly once: alerts first, under ids derived from the crossing (a
 * replay finds them there), then the regency's watch, with a compare-and-set on the last
 * version taken. A snapshot whose version is not newer than the last taken changes
 * nothing; one that loses the race to another instance is evaluated again; one that
 * changes nothing is not written.
 */
@Component
class CrossingDetector {

	private static final int MAX_ATTEMPTS = 10;

	private final MongoTemplate mongo;

	private final AlertSettings settings;

	private final Channels channels;

	private final AlertMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CrossingDetector(MongoTemplate mongo, AlertSettings settings, Channels channels, AlertMetrics metrics, Clock clock,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.settings = settings;
		this.channels = channels;
		this.metrics = metrics;
		this.clock = clock;
		this.events = events;
	}

	void take(CoverageSnapshot snapshot) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			RegencyWatch watch = this.mongo.findById(snapshot.regencyCode(), RegencyWatch.class);
			if (watch != null && snapshot.version() <= watch.version()) {
				return;
			}
			List<RegencyWatch.ThresholdState> before = (watch != null) ? watch.thresholds() : List.of();
			Thresholds.Evaluation evaluation = Thresholds.evaluate(before, snapshot, this.settings);
			if (!evaluation.changes(before)) {
				// Most snapshots cross nothing and put nothing at risk: the watch is left
				// as it is (a later snapshot evaluated on the same states gives the same
				// outcome), which spares the store a write per snapshot
				// (docs/performance-history.md, change 21).
				return;
			}
			evaluation.crossings()
				.forEach((crossing) -> record(snapshot,
						snapshot.regencyCode() + "/" + crossing.threshold() + "/" + crossing.number(),
						crossing.threshold(), crossing.direction(), null));
			evaluation.risks()
				.forEach((risk) -> record(snapshot,
						snapshot.regencyCode() + "/" + risk.threshold() + "/" + risk.direction() + "/" + risk.month(),
						risk.threshold(), risk.direction(), risk));
			if (advance(watch, new RegencyWatch(snapshot.regencyCode(), snapshot.version(), evaluation.states()))) {
				return;
			}
		}
		throw new IllegalStateException(
				"The watch of regency " + snapshot.regencyCode() + " kept changing concurrently");
	}

	/**
	 * Records one alert under an id that names what it is about: a crossing by its
	 * number, a risk by the month it is for (so each is alerted once per regency,
	 * threshold and month).
	 */
	private void record(CoverageSnapshot snapshot, String id, double threshold, Direction direction,
			Risks.RiskChange risk) {
		Instant now = this.clock.instant();
		Map<String, Alert.Delivery> deliveries = new LinkedHashMap<>();
		this.channels.names().forEach((channel) -> deliveries.put(channel, Alert.Delivery.pending(now)));
		Alert alert = new Alert(id, snapshot.regencyCode(), snapshot.regencyName(), snapshot.provinceCode(), threshold,
				direction, snapshot.coverageRatio(), snapshot.covered(), snapshot.workforce(), snapshot.target(),
				snapshot.asOf(), now, snapshot.version(), deliveries, (risk != null) ? risk.month().toString() : null,
				(risk != null) ? risk.renewalsNeeded() : null, (risk != null) ? risk.renewalCost() : null);
		try {
			this.mongo.insert(alert);
			this.metrics.alerted(alert);
			this.events.publishEvent(new AlertRecorded(alert.id()));
		}
		catch (DuplicateKeyException ex) {
			// Already recorded by an earlier attempt or another instance: one alert per
			// crossing.
		}
	}

	private boolean advance(RegencyWatch before, RegencyWatch after) {
		if (before == null) {
			try {
				this.mongo.insert(after);
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		return this.mongo
			.updateFirst(Query.query(where("_id").is(before.regencyCode()).and("version").is(before.version())),
					new Update().set("version", after.version()).set("thresholds", after.thresholds()),
					RegencyWatch.class)
			.getMatchedCount() == 1;
	}

}
