package id.ucj.console.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import id.ucj.console.api.Coverage;
import id.ucj.console.api.Services;
import id.ucj.contract.Regions;

/** The overview of the regencies a user may see, and its exports. */
@Controller
class OverviewPage {

	private final Services services;

	private final MessageSource messages;

	OverviewPage(Services services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String province, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Authentication user, Model model) {
		String only = province(province);
		List<Coverage> visible = this.services.coverage(user, null);
		model.addAttribute("overview", Overview.of(visible, only, sort, dir));
		model.addAttribute("province", only);
		model.addAttribute("provinces", Overview.of(visible, null, null, null).provinces());
		return "overview";
	}

	@GetMapping("/export/overview.{format:csv|xlsx}")
	ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) String province,
			Authentication user, Locale locale) {
		Overview overview = Overview.of(this.services.coverage(user, null), province(province), "code", "asc");
		List<String> headers = List.of("regencyCode", "regencyName", "provinceCode", "covered", "registered",
				"protected", "workforce", "coverageRatio", "target", "stillNeeded", "lapsingNext3Months", "asOf");
		List<List<Object>> rows = overview.regencies()
			.stream()
			.map((regency) -> java.util.Arrays.<Object>asList(regency.regencyCode(), regency.regencyName(),
					regency.provinceCode(), regency.covered(), regency.registered(), regency.protectedCount(),
					regency.workforce(), regency.coverageRatio(), regency.target(), regency.stillNeeded(),
					regency.lapsingWithin(3),
					(regency.asOf() == null || regency.asOf().equals(java.time.Instant.EPOCH)) ? null
							: regency.asOf().toString()))
			.toList();
		return Downloads.of(new Table(this.messages.getMessage("export.overview", null, locale), headers, rows),
				"ucj-overview" + ((province != null && !province.isBlank()) ? "-" + province : ""), format);
	}

	/** A province filter: blank for all, else an official province code. */
	static String province(String province) {
		if (province == null || province.isBlank()) {
			return null;
		}
		if (Regions.official().province(province).isEmpty()) {
			throw new BadParameter("province");
		}
		return province;
	}

}
