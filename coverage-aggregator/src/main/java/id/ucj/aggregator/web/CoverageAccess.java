package id.ucj.aggregator.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import id.ucj.support.security.ApiAccess;

/**
 * Coverage is read by readers (and admins); regency-level reads are limited to their
 * areas by the controller.
 */
@Component
class CoverageAccess implements ApiAccess {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/v1/coverage", "/api/v1/coverage/**").hasRole("READER");
	}

}
