package id.ucj.console.security;

import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import id.ucj.console.ConsoleSettings;
import id.ucj.contract.ClientKey;
import id.ucj.contract.ConsoleUser;

/**
 * A user signed in through the identity provider, with the login, role and areas its ID
 * token's claims give; a token without them does not sign anyone in.
 */
final class ConsoleOidcUser extends DefaultOidcUser implements HasSignedIn {

	private final SignedIn signedIn;

	private ConsoleOidcUser(OidcUser user, SignedIn signedIn) {
		super(java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
				"ROLE_" + signedIn.role().toUpperCase(java.util.Locale.ROOT))), user.getIdToken(), user.getUserInfo(),
				"sub");
		this.signedIn = signedIn;
	}

	static ConsoleOidcUser of(OidcUser user, ConsoleSettings.Oidc claims) {
		String login = user.getClaimAsString(claims.loginClaim());
		Object roleClaim = user.getClaims().get(claims.roleClaim());
		String role = (roleClaim instanceof java.util.Collection<?> roles && roles.size() == 1)
				? String.valueOf(roles.iterator().next()) : (roleClaim instanceof String text) ? text : null;
		Set<String> areas = SignedIn.areasOf(user.getClaims().get(claims.areasClaim()));
		if (!ConsoleUser.isLogin(login) || !ConsoleUser.ROLES.contains(role) || areas.isEmpty()
				|| !areas.stream().allMatch(ClientKey::isArea)) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("invalid_user",
							"The identity provider's token must name a login (" + claims.loginClaim() + "), a role ("
									+ claims.roleClaim() + ": admin or reader) and areas (" + claims.areasClaim() + ")",
							null));
		}
		return new ConsoleOidcUser(user, new SignedIn(login, role, areas));
	}

	@Override
	public SignedIn signedIn() {
		return this.signedIn;
	}

	@Override
	public String getName() {
		return this.signedIn.login();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
