package id.ucj.console.security;

import org.springframework.security.core.Authentication;

/**
 * The bearer credential the console presents to the services for the signed-in user, so
 * that the services apply the user's own role and areas and record the user's login as
 * the client of every change. It never reaches the browser.
 */
public interface ServiceTokens {

	String bearer(Authentication user);

}
