package id.ucj.aggregator.web;

import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.CoverageView;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
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

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.ucj.aggregator.forecast.Forecast;
import id.ucj.aggregator.forecast.Plan;
import id.ucj.aggregator.forecast.Premiums;
import id.ucj.contract.Province;
import id.ucj.contract.Regions;
import id.ucj.support.security.Client;
import id.ucj.support.web.InvalidRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Forecasts (if nothing is renewed) and plans (what holding a target costs, what a budget
 * buys), for a regency, a province or the nation. Costs are whole rupiah, priced with
 * {@link Premiums#forPlans()}.
 */
@RestController
@RequestMapping(path = "/api/v1/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
class ForecastController {

	/** The longest forecast or plan, in months from the current one. */
	static final int HORIZON = 36;

	private static final ZoneId NATIONAL_MONTHS = ZoneId.of("Asia/Jakarta");

	private final CoverageStore store;

	private final long premium;

	private final Clock clock;

	ForecastController(CoverageStore store, Premiums premiums, Clock clock) {
		this.store = store;
		this.premium = premiums.forPlans();
		this.clock = clock;
	}

	record RegencyForecast(String regencyCode, String regencyName, long covered, Double coverageRatio,
			@JsonUnwrapped Forecast forecast) {
	}

	record RollUpForecast(String provinceCode, String name, int regencies, @JsonUnwrapped Forecast forecast) {
	}

	record RegencyPlan(String regencyCode, String regencyName, long covered, @JsonUnwrapped Plan plan) {
	}

	@GetMapping("/{regencyCode:\\d{2}\\.\\d{2}}/forecast")
	RegencyForecast regency(@PathVariable String regencyCode,
			@RequestParam(defaultValue = "12") @Min(1) @Max(HORIZON) int months,
			@RequestParam(required = false) @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double target,
			@AuthenticationPrincipal Client client) {
		CoverageStore.Outlook outlook = outlook(regencyCode, months, client);
		CoverageView now = outlook.regency();
		return new RegencyForecast(now.regencyCode(), now.regencyName(), now.covered(), now.coverageRatio(),
				Forecast.of(outlook.months(), now.workforce(), (target != null) ? target : now.target(), this.premium));
	}

	@GetMapping("/{regencyCode:\\d{2}\\.\\d{2}}/plan")
	RegencyPlan plan(@PathVariable String regencyCode,
			@RequestParam(required = false) @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double target,
			@RequestParam(required = false) YearMonth through, @RequestParam(required = false) @Min(0) Long budget,
			@AuthenticationPrincipal Client client) {
		CoverageStore.Outlook outlook = outlook(regencyCode, HORIZON, client);
		CoverageView now = outlook.regency();
		YearMonth until = (through != null) ? through : YearMonth.of(now.month().getYear() + 1, 12);
		if (until.isBefore(now.month())) {
			throw new InvalidRequest("through", "must not be before the regency's current month, " + now.month());
		}
		if (until.isAfter(now.month().plusMonths(HORIZON - 1))) {
			throw new InvalidRequest("through",
					"must be within " + HORIZON + " months of the regency's current month, " + now.month());
		}
		Double holding = (target != null) ? target : now.target();
		if (holding == null) {
			throw new InvalidRequest("target", "is required: the regency has no target set");
		}
		if (now.workforce() == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Regency " + regencyCode
					+ " has no workforce set: set it (PUT /api/v1/regencies/" + regencyCode + ") to plan");
		}
		return new RegencyPlan(now.regencyCode(), now.regencyName(), now.covered(),
				Plan.of(outlook.months(), now.workforce(), holding, this.premium, until, budget));
	}

	@GetMapping("/provinces/{provinceCode}/forecast")
	RollUpForecast province(@PathVariable String provinceCode,
			@RequestParam(defaultValue = "12") @Min(1) @Max(HORIZON) int months) {
		Province province = Regions.official()
			.province(provinceCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No province " + provinceCode));
		return rollUp(provinceCode, province.name(), YearMonth.from(this.clock.instant().atZone(province.zone())),
				months);
	}

	@GetMapping("/national/forecast")
	RollUpForecast national(@RequestParam(defaultValue = "12") @Min(1) @Max(HORIZON) int months) {
		return rollUp(null, "Indonesia", YearMonth.from(this.clock.instant().atZone(NATIONAL_MONTHS)), months);
	}

	private RollUpForecast rollUp(String provinceCode, String name, YearMonth from, int months) {
		List<Forecast> regencies = this.store.outlooks(provinceCode, from, months)
			.stream()
			.map((outlook) -> Forecast.of(outlook.months(), outlook.regency().workforce(), outlook.regency().target(),
					this.premium))
			.toList();
		return new RollUpForecast(provinceCode, name, regencies.size(),
				Forecast.sum(regencies, from, months, this.premium));
	}

	private CoverageStore.Outlook outlook(String regencyCode, int months, Client client) {
		client.requireArea(regencyCode);
		return this.store.outlook(regencyCode, months)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No regency " + regencyCode));
	}

}
