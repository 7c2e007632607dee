package id.ucj.aggregator.coverage;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fills the gauges with every regency's stored coverage once the service is up. */
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

}
