package id.ucj.aggregator.month;

import id.ucj.aggregator.view.CoverageSettings;
import id.ucj.aggregator.view.CoverageChanged;
import id.ucj.aggregator.view.MonthClaims;
import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.CoverageView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;

/**
 * When a month ends in a regency's time zone, its coverage changes without any event
 * (cover lapses), so its snapshot goes out again, with a new version. A compare-and-set
 * on the regency's {@code month} makes that one publication per regency per month,
 * however many aggregator instances check ({@code ucj.coverage.month-check}, every 30 s,
 * the first 30 s after start): the instance whose update matched publishes, so a month
 * that turned while the service was down is published once it is back. Claimed and then
 * published: a crash between the two loses that month's publication (the next change of
 * the regency publishes it), never doubles it. The snapshot is the regency as it stood in
 * the month claimed, even if the clock moved on meanwhile.
 */
@Component
public class MonthTurns implements SchedulingConfigurer {

	private final MonthClaims months;

	private final CoverageStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CoverageSettings settings;

	private final Map<ZoneId, List<String>> regenciesByZone = Regions.official()
		.regencies()
		.stream()
		.collect(Collectors.groupingBy((regency) -> Regions.official().zoneOf(regency.code()).orElseThrow(),
				Collectors.mapping(Regency::code, Collectors.toList())));

	public MonthTurns(MonthClaims months, CoverageStore store, ApplicationEventPublisher events, Clock clock,
			CoverageSettings settings) {
		this.months = months;
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Duration every = this.settings.monthCheck();
		tasks.addFixedDelayTask(new FixedDelayTask(this::publishTurnedMonths, every, every));
	}

	/**
	 * Publishes the regencies whose month turned since they were last published; returns
	 * how many.
	 */
	public int publishTurnedMonths() {
		Instant now = this.clock.instant();
		List<String> claimed = new ArrayList<>();
		this.regenciesByZone.forEach((zone, regencies) -> {
			String month = YearMonth.from(now.atZone(zone)).toString();
			for (String regency : this.months.behind(regencies, month)) {
				if (this.months.claim(regency, month, now)) {
					claimed.add(regency);
				}
			}
		});
		if (!claimed.isEmpty()) {
			List<CoverageView> turned = this.store.regencies(claimed, now);
			this.events.publishEvent(new CoverageChanged(turned));
		}
		return claimed.size();
	}

}
