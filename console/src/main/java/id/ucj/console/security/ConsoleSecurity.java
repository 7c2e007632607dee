package id.ucj.console.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import id.ucj.console.ConsoleSettings;

/**
 * Sign-in and the session: through the organisation's identity provider (OpenID Connect,
 * authorization code with PKCE) when a client registration is configured, else with the
 * local users' passwords. A server-side session, a new session id at sign-in (no
 * fixation), CSRF tokens on every form, cookies HttpOnly, Secure and SameSite=Lax (in
 * configuration), a Content-Security-Policy that allows no inline script or style.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain consoleFilterChain(HttpSecurity http,
			ObjectProvider<ClientRegistrationRepository> registrations, ConsoleSettings settings) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			.requestMatchers("/regencies/*/settings")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions
				// A page's live figures (htmx) are told 401, not sent a sign-in page to
				// swap in.
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						new RequestHeaderRequestMatcher("HX-Request"))
				.accessDeniedHandler(ConsoleSecurity::denied))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.deleteCookies("UCJSESSION"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		ClientRegistrationRepository oidc = registrations.getIfAvailable();
		if (oidc != null) {
			DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(oidc,
					"/oauth2/authorization");
			resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
			OidcUserService users = new OidcUserService();
			http.oauth2Login((login) -> login.loginPage("/login")
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
				.userInfoEndpoint((info) -> info
					.oidcUserService((request) -> ConsoleOidcUser.of(users.loadUser(request), settings.oidc()))));
		}
		else {
			http.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"));
		}
		return http.build();
	}

	/**
	 * A form sent with the token of a session that has ended (signed out elsewhere, timed
	 * out, the console restarted) goes to sign-in again; any other refusal is a 403.
	 */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws java.io.IOException, jakarta.servlet.ServletException {
		if (denied instanceof CsrfException && request.getRequestedSessionId() != null
				&& !request.isRequestedSessionIdValid()) {
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, denied);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService localUsers(ConsoleSettings settings) {
		return new LocalUsers(settings.usersFile());
	}

	@Bean
	ServiceTokens serviceTokens(ConsoleSettings settings, ObjectProvider<ClientRegistrationRepository> registrations,
			ObjectProvider<OAuth2AuthorizedClientRepository> authorized) {
		ClientRegistrationRepository oidc = registrations.getIfAvailable();
		if (oidc != null) {
			OAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(oidc,
					authorized.getObject());
			return new RelayedTokens(manager);
		}
		if (settings.signingKey() == null) {
			throw new IllegalStateException(
					"Set ucj.console.signing-key (UCJ_CONSOLE_SIGNING_KEY) for local users, or configure an OpenID Connect client registration");
		}
		return new SignedTokens(settings.signingKey(), settings.audience(), settings.tokenLifetime(),
				Clock.systemUTC());
	}

}
