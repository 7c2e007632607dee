package id.ucj.aggregator.regency;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import id.ucj.support.security.ApiAccess;

/**
 * A regency's workforce and target are set by admins, in their areas (checked by the
 * controller).
 */
@Component
class RegencyAccess implements ApiAccess {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.PUT, "/api/v1/regencies/*").hasRole("ADMIN");
	}

}
