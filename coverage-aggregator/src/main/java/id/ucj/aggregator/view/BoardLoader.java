package id.ucj.aggregator.view;

import java.time.Duration;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Fills the gauges with every regency's stored coverage once the service is up, then
 * again every {@code ucj.board.refresh} (15 s): an instance updates its board at once for
 * the partitions it counts, and from MongoDB for the others, so that every replica
 * reports the whole country and a dashboard may take any of them.
 */
@Component
class BoardLoader implements SchedulingConfigurer {

	private final CoverageStore store;

	private final CoverageBoard board;

	private final BoardSettings settings;

	BoardLoader(CoverageStore store, CoverageBoard board, BoardSettings settings) {
		this.store = store;
		this.board = board;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		this.store.all(null).forEach(this.board::update);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Duration every = this.settings.refresh();
		tasks.addFixedDelayTask(new FixedDelayTask(this::load, every, every));
	}

}
