package id.ucj.aggregator.coverage;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fills the gauges with every regency's stored coverage once the service is up, then again every
 * {@code ucj.board.refresh} (15 s): an instance updates its board at once for the partitions it counts, and from
 * MongoDB for the others, so that every replica reports the whole country and a dashboard may take any of them.
 */
@Component
class BoardLoader {

	private final CoverageStore store;

	private final CoverageBoard board;

	BoardLoader(CoverageStore store, CoverageBoard board) {
		this.store = store;
		this.board = board;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		this.store.all(null).forEach(this.board::update);
	}

	@Scheduled(initialDelayString = "${ucj.board.refresh:15s}", fixedDelayString = "${ucj.board.refresh:15s}")
	void refresh() {
		load();
	}

}
