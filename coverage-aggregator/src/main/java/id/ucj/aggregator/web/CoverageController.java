package id.ucj.aggregator.web;

import id.ucj.aggregator.view.CoverageHistory;
import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.HistoryPoint;
import id.ucj.aggregator.view.RollUp;
import id.ucj.aggregator.view.CoverageView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import id.ucj.contract.Regions;
import id.ucj.support.security.Client;
import id.ucj.support.web.InvalidRequest;

@RestController
@RequestMapping(path = "/api/v1/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
class CoverageController {

	/** The longest history one request returns: three years of days, and a leap day. */
	static final int HISTORY_DAYS = 3 * 365 + 1;

	private final CoverageStore store;

	private final CoverageHistory history;

	private final Clock clock;

	CoverageController(CoverageStore store, CoverageHistory history, Clock clock) {
		this.store = store;
		this.history = history;
		this.clock = clock;
	}

	/** Every regency, or a province's, that the reader may see (its areas). */
	@GetMapping
	List<CoverageView> all(@RequestParam(required = false) String province, @AuthenticationPrincipal Client client) {
		if (province != null && Regions.official().province(province).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No province " + province);
		}
		return this.store.all(province).stream().filter((view) -> client.mayActIn(view.regencyCode())).toList();
	}

	@GetMapping("/{regencyCode:\\d{2}\\.\\d{2}}")
	CoverageView regency(@PathVariable String regencyCode, @AuthenticationPrincipal Client client) {
		client.requireArea(regencyCode);
		return this.store.regency(regencyCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No regency " + regencyCode));
	}

	/**
	 * The regency's coverage day by day (each local day's last snapshot), from
	 * {@code from} to {@code to} inclusive: by default the three years to today.
	 */
	@GetMapping("/{regencyCode:\\d{2}\\.\\d{2}}/history")
	List<HistoryPoint> history(@PathVariable String regencyCode, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @AuthenticationPrincipal Client client) {
		client.requireArea(regencyCode);
		if (Regions.official().regency(regencyCode).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No regency " + regencyCode);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(),
				Regions.official().zoneOf(regencyCode).orElse(ZoneOffset.UTC));
		LocalDate until = (to != null) ? to : today;
		LocalDate since = (from != null) ? from : until.minusDays(HISTORY_DAYS - 1);
		if (since.isAfter(until)) {
			throw new InvalidRequest("from", "must not be after to, " + until);
		}
		if (since.plusDays(HISTORY_DAYS).isBefore(until.plusDays(1))) {
			throw new InvalidRequest("from", "must be at most " + HISTORY_DAYS + " days before to");
		}
		return this.history.of(regencyCode, since, until);
	}

	@GetMapping("/provinces/{provinceCode}")
	RollUp province(@PathVariable String provinceCode) {
		return Regions.official()
			.province(provinceCode)
			.map((province) -> RollUp.of(provinceCode, province.name(), this.store.all(provinceCode)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No province " + provinceCode));
	}

	@GetMapping("/national")
	RollUp national() {
		return RollUp.of(null, "Indonesia", this.store.all(null));
	}

}
