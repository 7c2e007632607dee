package id.ucj.enrollment.registration;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import id.ucj.support.security.ApiAccess;

/**
 * Registrations, deregistrations and contributions are for enrollers; which regencies,
 * the controller checks per item.
 */
@Component
class EnrollmentAccess implements ApiAccess {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers(HttpMethod.POST, "/api/v1/registrations", "/api/v1/registrations/batch",
					"/api/v1/deregistrations", "/api/v1/contributions", "/api/v1/contributions/batch")
			.hasRole("ENROLLER");
	}

}
