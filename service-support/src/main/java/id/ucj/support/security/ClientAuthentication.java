package id.ucj.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link Client}; its authorities are its role's. */
final class ClientAuthentication extends AbstractAuthenticationToken {

	private final Client client;

	ClientAuthentication(Client client) {
		super(client.role().authorities());
		this.client = client;
		setAuthenticated(true);
	}

	@Override
	public Client getPrincipal() {
		return this.client;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.client.id();
	}

}
