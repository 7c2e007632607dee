package id.ucj.aggregator.regency;

import id.ucj.aggregator.view.CoverageChanged;
import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.CoverageView;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import id.ucj.support.security.Client;
import jakarta.validation.Valid;

@RestController
@RequestMapping(path = "/api/v1/regencies", produces = MediaType.APPLICATION_JSON_VALUE)
class RegencyController {

	private final RegencyRegistry registry;

	private final ApplicationEventPublisher events;

	private final CoverageStore coverage;

	RegencyController(RegencyRegistry registry, ApplicationEventPublisher events, CoverageStore coverage) {
		this.registry = registry;
		this.events = events;
		this.coverage = coverage;
	}

	/**
	 * Sets a regency's workforce and target, in the admin's areas; the new snapshot goes
	 * out at once.
	 */
	@PutMapping(path = "/{regencyCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
	CoverageView set(@PathVariable String regencyCode, @Valid @RequestBody RegencyTargets targets,
			@AuthenticationPrincipal Client client) {
		client.requireArea(regencyCode);
		CoverageView view = this.registry.set(regencyCode, targets, client.id())
			.flatMap((regency) -> this.coverage.regency(regency.code()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No regency " + regencyCode));
		this.events.publishEvent(new CoverageChanged(List.of(view)));
		return view;
	}

}
