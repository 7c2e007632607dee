package id.ucj.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;

/**
 * The user's own access token from the identity provider (token relay), refreshed when it
 * ends: the services verify it as they verify any token of that issuer.
 */
final class RelayedTokens implements ServiceTokens {

	private final OAuth2AuthorizedClientManager clients;

	RelayedTokens(OAuth2AuthorizedClientManager clients) {
		this.clients = clients;
	}

	@Override
	public String bearer(Authentication user) {
		String registration = ((OAuth2AuthenticationToken) user).getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.clients
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration).principal(user).build());
		if (client == null) {
			throw new ClientAuthorizationRequiredException(registration);
		}
		return client.getAccessToken().getTokenValue();
	}

}
