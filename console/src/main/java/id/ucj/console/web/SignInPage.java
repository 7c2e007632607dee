package id.ucj.console.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: a password form for local users, or a link to the identity provider.
 */
@Controller
class SignInPage {

	private final boolean oidc;

	SignInPage(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.oidc = registrations.getIfAvailable() != null;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("oidc", this.oidc);
		return "login";
	}

}
