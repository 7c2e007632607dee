package id.ucj.notification.alert;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import id.ucj.support.security.ApiAccess;

/**
 * The alert log is read by readers (and admins), in their areas; delivery errors only by
 * admins.
 */
@Component
class AlertAccess implements ApiAccess {

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/**").hasRole("READER");
	}

}
