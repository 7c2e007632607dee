package id.ucj.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own API routes and the role each needs. The shared chain
 * ({@link ApiSecurityAutoConfiguration}) opens health, guards metrics, asks each service
 * for its routes, and denies everything else.
 */
@FunctionalInterface
public interface ApiAccess {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
