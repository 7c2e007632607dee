package id.ucj.aggregator.web;

import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.RollUp;
import id.ucj.aggregator.view.CoverageView;
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

@RestController
@RequestMapping(path = "/api/v1/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
class CoverageController {

	private final CoverageStore store;

	CoverageController(CoverageStore store) {
		this.store = store;
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
