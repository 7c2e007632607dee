package id.ucj.console.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.ucj.console.api.Services;
import id.ucj.console.security.SignedIn;
import id.ucj.contract.Regions;

/** The alert log of the user's areas, filtered by province, regency and direction. */
@Controller
class AlertsPage {

	static final List<String> DIRECTIONS = List.of("REACHED", "FELL_BACK", "AT_RISK", "RISK_CLEARED");

	static final int PAGE_SIZE = 25;

	private final Services services;

	AlertsPage(Services services) {
		this.services = services;
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) String province, @RequestParam(required = false) String regency,
			@RequestParam(required = false) String direction, @RequestParam(defaultValue = "0") String page,
			Authentication user, Model model) {
		String onlyProvince = OverviewPage.province(province);
		String onlyRegency = (regency == null || regency.isBlank()) ? null : regency;
		if (onlyRegency != null && Regions.official().regency(onlyRegency).isEmpty()) {
			throw new BadParameter("regency");
		}
		String onlyDirection = (direction == null || direction.isBlank()) ? null : direction;
		if (onlyDirection != null && !DIRECTIONS.contains(onlyDirection)) {
			throw new BadParameter("direction");
		}
		int number;
		try {
			number = Integer.parseInt(page);
		}
		catch (NumberFormatException ex) {
			throw new BadParameter("page");
		}
		if (number < 0 || number > 100_000) {
			throw new BadParameter("page");
		}
		model.addAttribute("alerts",
				this.services.alerts(user, onlyRegency, onlyProvince, onlyDirection, number, PAGE_SIZE));
		model.addAttribute("filter", java.util.Map.of("province", (onlyProvince != null) ? onlyProvince : "", "regency",
				(onlyRegency != null) ? onlyRegency : "", "direction", (onlyDirection != null) ? onlyDirection : ""));
		model.addAttribute("directions", DIRECTIONS);
		SignedIn me = ConsoleModel.signedIn(user);
		model.addAttribute("provinces",
				Regions.official()
					.provinces()
					.stream()
					.filter((candidate) -> me.maySeeProvince(candidate.code()))
					.toList());
		return "alerts";
	}

}
