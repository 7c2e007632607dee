package id.ucj.support.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Authenticates a bearer credential that is a JWT, verified by the configured issuer's
 * keys.
 */
final class JwtAuthentication implements AuthenticationProvider {

	private final JwtAuthenticationProvider jwt;

	JwtAuthentication(JwtDecoder decoder, JwtClients clients) {
		this.jwt = new JwtAuthenticationProvider(decoder);
		this.jwt.setJwtAuthenticationConverter(clients);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		return Tokens.isJwt(((BearerTokenAuthenticationToken) authentication).getToken())
				? this.jwt.authenticate(authentication) : null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
