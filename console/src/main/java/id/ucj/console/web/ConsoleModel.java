package id.ucj.console.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

import id.ucj.console.ConsoleSettings;
import id.ucj.console.api.Refused;
import id.ucj.console.api.Unavailable;
import id.ucj.console.security.HasSignedIn;
import id.ucj.console.security.SignedIn;

/**
 * What every page has (who is signed in, how often live figures are asked for), and the
 * error page for what the services refuse: 403 outside the user's areas, 404 for an
 * unknown code, 400 for a parameter that cannot be read, 503 while a service does not
 * answer. Never a 500 for anything a user sends.
 */
@ControllerAdvice
class ConsoleModel {

	private final ConsoleSettings settings;

	ConsoleModel(ConsoleSettings settings) {
		this.settings = settings;
	}

	@ModelAttribute
	void common(Authentication user, Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("languageLinks",
				java.util.Map.of("id", sameWithLanguage(request, "id"), "en", sameWithLanguage(request, "en")));
		if (user != null && user.getPrincipal() instanceof HasSignedIn signed) {
			model.addAttribute("me", signed.signedIn());
		}
		model.addAttribute("livePollSeconds", Math.max(1, this.settings.livePoll().toSeconds()));
		model.addAttribute("staleAfterSeconds", Math.max(1, this.settings.staleAfter().toSeconds()));
	}

	/** This page again in another language: its path and query, with {@code lang}. */
	static String sameWithLanguage(jakarta.servlet.http.HttpServletRequest request, String language) {
		return org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("lang", language)
			.build()
			.toUriString();
	}

	static SignedIn signedIn(Authentication user) {
		return ((HasSignedIn) user.getPrincipal()).signedIn();
	}

	@ExceptionHandler(Refused.class)
	ModelAndView refused(Refused refused, HttpServletResponse response) {
		int status = switch (refused.status()) {
			case 401, 403 -> 403;
			case 404 -> 404;
			case 409 -> 409;
			case 429 -> 429;
			default -> 400;
		};
		return page(HttpStatus.valueOf(status), response);
	}

	@ExceptionHandler(Unavailable.class)
	ModelAndView unavailable(Unavailable unavailable, HttpServletResponse response) {
		response.setHeader("Retry-After", "5");
		return page(HttpStatus.SERVICE_UNAVAILABLE, response);
	}

	@ExceptionHandler({ BadParameter.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception ex, HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, response);
	}

	private static ModelAndView page(HttpStatus status, HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		return page;
	}

}
