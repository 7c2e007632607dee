package id.ucj.aggregator.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import id.ucj.contract.Province;
import id.ucj.contract.Regions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * When a month ends in a regency's time zone, its coverage changes without any event (cover lapses), so its
 * snapshot goes out again, with a new version. A compare-and-set on the regency's {@code month} makes that one
 * publication per regency per month, however many aggregator instances check ({@code ucj.coverage.month-check},
 * every 30 s, the first 30 s after start): the instance whose update matched publishes, so a month that turned
 * while the service was down is published once it is back. Claimed and then published: a crash between the two
 * loses that month's publication (the next change of the regency publishes it), never doubles it.
 */
@Component
class MonthTurns {

	static final String MONTH = "month";

	private final MongoTemplate mongo;

	private final CoverageStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<ZoneId, List<String>> provincesByZone = Regions.official()
		.provinces()
		.stream()
		.collect(Collectors.groupingBy(Province::zone, Collectors.mapping(Province::code, Collectors.toList())));

	MonthTurns(MongoTemplate mongo, CoverageStore store, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${ucj.coverage.month-check:30s}", fixedDelayString = "${ucj.coverage.month-check:30s}")
	void check() {
		publishTurnedMonths();
	}

	/** Publishes the regencies whose month turned since they were last published; returns how many. */
	int publishTurnedMonths() {
		Instant now = this.clock.instant();
		List<CoverageView> turned = new ArrayList<>();
		this.provincesByZone.forEach((zone, provinces) -> {
			String month = YearMonth.from(now.atZone(zone)).toString();
			Query behind = Query.query(where("provinceCode").in(provinces).and(MONTH).ne(month));
			for (RegencyDocument regency : this.mongo.find(behind, RegencyDocument.class)) {
				RegencyDocument claimed = this.mongo.findAndModify(
						Query.query(where("_id").is(regency.code()).and(MONTH).ne(month)),
						new Update().set(MONTH, month).inc("version", 1).set("updatedAt", now),
						FindAndModifyOptions.options().returnNew(true), RegencyDocument.class);
				if (claimed != null) {
					turned.add(this.store.view(claimed));
				}
			}
		});
		if (!turned.isEmpty()) {
			this.events.publishEvent(new CoverageChanged(turned));
		}
		return turned.size();
	}

}
