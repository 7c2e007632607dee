package id.ucj.console.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import id.ucj.console.api.Coverage;
import id.ucj.console.api.Forecast;
import id.ucj.console.api.Plan;
import id.ucj.console.api.Refused;
import id.ucj.console.api.Services;
import id.ucj.console.format.Formats;
import id.ucj.console.format.Inputs;

/**
 * A regency's pages: its coverage (with the live figures htmx asks for), its budget plan,
 * its settings, and their exports. Outside the user's areas each answers 403, from the
 * service's own refusal.
 */
@Controller
@RequestMapping("/regencies/{code:\\d{2}\\.\\d{2}}")
class RegencyPages {

	/** Months of forecast on the regency's page and in its export. */
	static final int FORECAST_MONTHS = 12;

	private final Services services;

	private final MessageSource messages;

	private final Formats formats;

	RegencyPages(Services services, MessageSource messages, Formats formats) {
		this.services = services;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping
	String regency(@PathVariable String code, Authentication user, Model model) {
		Coverage coverage = this.services.regency(user, code);
		model.addAttribute("coverage", coverage);
		model.addAttribute("forecast", this.services.forecast(user, code, FORECAST_MONTHS));
		model.addAttribute("history", this.services.history(user, code));
		model.addAttribute("alerts", this.services.alerts(user, code, null, null, 0, 10).content());
		return "regency";
	}

	/** The live figures alone, for htmx to swap in without a reload. */
	@GetMapping("/live")
	String live(@PathVariable String code, Authentication user, Model model) {
		model.addAttribute("coverage", this.services.regency(user, code));
		return "regency :: live";
	}

	@GetMapping("/forecast.{format:csv|xlsx}")
	ResponseEntity<byte[]> forecastExport(@PathVariable String code, @PathVariable String format, Authentication user,
			Locale locale) {
		Forecast forecast = this.services.forecast(user, code, FORECAST_MONTHS);
		List<String> headers = List.of("month", "active", "coverageRatio", "targetCount", "belowTarget", "lapsing",
				"lapsingAPBD", "lapsingEMPLOYER", "lapsingSELF", "renewalsNeeded", "renewalCost");
		List<List<Object>> rows = forecast.months()
			.stream()
			.map((month) -> java.util.Arrays.<Object>asList(month.month().toString(), month.active(),
					month.coverageRatio(), forecast.targetCount(), month.belowTarget(forecast.targetCount()),
					month.lapsing(), funding(month.lapsingByFundingSource(), "APBD"),
					funding(month.lapsingByFundingSource(), "EMPLOYER"),
					funding(month.lapsingByFundingSource(), "SELF"), month.renewalsNeeded(), month.renewalCost()))
			.toList();
		return Downloads.of(new Table(this.messages.getMessage("export.forecast", null, locale), headers, rows),
				"ucj-forecast-" + code, format);
	}

	private static Long funding(Map<String, Long> byFunding, String source) {
		return (byFunding != null) ? byFunding.getOrDefault(source, 0L) : 0L;
	}

	@GetMapping("/plan")
	String plan(@PathVariable String code, @RequestParam(required = false) String target,
			@RequestParam(required = false) String through, @RequestParam(required = false) String budget,
			Authentication user, Model model) {
		Coverage coverage = this.services.regency(user, code);
		model.addAttribute("coverage", coverage);
		PlanRequest request = PlanRequest.read(target, through, budget);
		model.addAttribute("form", Map.of("target", (target != null) ? target : "", "through",
				(through != null) ? through : "", "budget", (budget != null) ? budget : ""));
		Map<String, String> errors = new LinkedHashMap<>(request.errors());
		boolean nothingToPlan = request.target() == null && coverage.target() == null;
		if (errors.isEmpty() && !nothingToPlan) {
			try {
				model.addAttribute("plan",
						this.services.plan(user, code, request.target(), request.through(), request.budget()));
			}
			catch (Refused refused) {
				if (refused.status() == 409) {
					errors.put("workforce", "error.plan.noWorkforce");
				}
				else if (refused.status() == 400) {
					refused.errors().forEach((error) -> errors.put(error.field(), "error.plan." + error.field()));
				}
				else {
					throw refused;
				}
			}
		}
		model.addAttribute("errors", errors);
		return "plan";
	}

	@GetMapping("/plan.{format:csv|xlsx}")
	ResponseEntity<byte[]> planExport(@PathVariable String code, @PathVariable String format,
			@RequestParam(required = false) String target, @RequestParam(required = false) String through,
			@RequestParam(required = false) String budget, Authentication user, Locale locale) {
		PlanRequest request = PlanRequest.read(target, through, budget);
		if (!request.errors().isEmpty()) {
			throw new BadParameter(request.errors().keySet().iterator().next());
		}
		Plan plan = this.services.plan(user, code, request.target(), request.through(), request.budget());
		List<String> headers = List.of("month", "active", "shortfall", "renewals", "newEnrolments", "cost",
				"cumulativeCost", "withinBudget");
		List<List<Object>> rows = new ArrayList<>();
		for (Plan.Month month : plan.months()) {
			Boolean within = (plan.budget() == null) ? null
					: plan.budget().holdsThrough() != null && !month.month().isAfter(plan.budget().holdsThrough());
			rows.add(java.util.Arrays.asList(month.month().toString(), month.active(), month.shortfall(),
					month.renewals(), month.newEnrolments(), month.cost(), month.cumulativeCost(), within));
		}
		rows.add(java.util.Arrays.asList("total", null, plan.workerMonths(), plan.renewals(), plan.newEnrolments(),
				plan.cost(), null, null));
		if (plan.budget() != null) {
			rows.add(java.util.Arrays.asList("budget", null, null, null, null, plan.budget().amount(), null, null));
			rows.add(java.util.Arrays.asList("spent", null, null, null, null, plan.budget().spent(), null, null));
			rows.add(java.util.Arrays.asList("leftOver", null, null, null, null, plan.budget().leftOver(), null, null));
			rows.add(java.util.Arrays.asList("holdsThrough",
					Optional.ofNullable(plan.budget().holdsThrough()).map(YearMonth::toString).orElse(""), null, null,
					null, null, null, null));
		}
		return Downloads.of(new Table(this.messages.getMessage("export.plan", null, locale), headers, rows),
				"ucj-plan-" + code, format);
	}

	@GetMapping("/settings")
	String settings(@PathVariable String code, Authentication user, Model model, Locale locale) {
		Coverage coverage = this.services.regency(user, code);
		model.addAttribute("coverage", coverage);
		model.addAttribute("form",
				Map.of("workforce", (coverage.workforce() != null) ? coverage.workforce().toString() : "", "target",
						this.formats.percentInput(coverage.target(), locale)));
		model.addAttribute("errors", Map.of());
		return "settings";
	}

	@PostMapping("/settings")
	String saveSettings(@PathVariable String code, @RequestParam(defaultValue = "") String workforce,
			@RequestParam(defaultValue = "") String target, Authentication user, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Long> people = Inputs.whole(workforce);
		Optional<Double> ratio = Inputs.percent(target);
		if (people.isEmpty()) {
			errors.put("workforce", "error.workforce");
		}
		if (ratio.isEmpty()) {
			errors.put("target", "error.target");
		}
		if (errors.isEmpty()) {
			try {
				this.services.setTargets(user, code, people.get(), ratio.get());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/regencies/" + code + "/settings";
			}
			catch (Refused refused) {
				if (refused.status() != 400) {
					throw refused;
				}
				refused.errors().forEach((error) -> errors.put(error.field(), "error." + error.field()));
				if (errors.isEmpty()) {
					errors.put("target", "error.target");
				}
			}
		}
		model.addAttribute("form", Map.of("workforce", workforce, "target", target));
		model.addAttribute("errors", errors);
		model.addAttribute("coverage", this.services.regency(user, code));
		return "settings";
	}

	/**
	 * A plan's parameters as typed: each blank one takes the API's default; each that
	 * cannot be read is named, with the message key to show at its field.
	 */
	record PlanRequest(Double target, YearMonth through, Long budget, Map<String, String> errors) {

		static PlanRequest read(String target, String through, String budget) {
			Map<String, String> errors = new LinkedHashMap<>();
			Double ratio = null;
			YearMonth until = null;
			Long rupiah = null;
			if (!Inputs.blank(target)) {
				ratio = Inputs.percent(target).orElse(null);
				if (ratio == null) {
					errors.put("target", "error.plan.target");
				}
			}
			if (!Inputs.blank(through)) {
				until = Inputs.month(through).orElse(null);
				if (until == null) {
					errors.put("through", "error.plan.through");
				}
			}
			if (!Inputs.blank(budget)) {
				rupiah = Inputs.rupiah(budget).orElse(null);
				if (rupiah == null) {
					errors.put("budget", "error.plan.budget");
				}
			}
			return new PlanRequest(ratio, until, rupiah, Map.copyOf(errors));
		}

	}

}
