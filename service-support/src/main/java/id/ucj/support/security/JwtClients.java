package id.ucj.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import id.ucj.contract.ClientKey;

/**
 * A verified JWT as a {@link Client}: its role and areas from the configured claims, its
 * id from the configured claim ({@code client_id} by default), else {@code azp}, else the
 * subject.
 */
final class JwtClients implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecuritySettings.Jwt claims;

	JwtClients(SecuritySettings.Jwt claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new ClientAuthentication(new Client(clientId(jwt), role(jwt), Set.copyOf(areas(jwt)), null));
	}

	private String clientId(Jwt jwt) {
		for (String claim : List.of(this.claims.clientClaim(), "azp", "sub")) {
			String value = jwt.getClaimAsString(claim);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		throw new InvalidBearerTokenException("The token names no client");
	}

	private Role role(Jwt jwt) {
		Object claim = jwt.getClaims().get(this.claims.roleClaim());
		String name = (claim instanceof Collection<?> roles && roles.size() == 1)
				? String.valueOf(roles.iterator().next()) : (claim instanceof String role) ? role : null;
		try {
			return Role.of(name);
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException(
					"The token's " + this.claims.roleClaim() + " claim must be one of enroller, admin, reader");
		}
	}

	private List<String> areas(Jwt jwt) {
		Object claim = jwt.getClaims().get(this.claims.areasClaim());
		List<String> areas = (claim instanceof Collection<?> list) ? list.stream().map(String::valueOf).toList()
				: (claim instanceof String text) ? Arrays.asList(text.strip().split("[\\s,]+")) : List.of();
		if (areas.isEmpty() || !areas.stream().allMatch(ClientKey::isArea)) {
			throw new InvalidBearerTokenException("The token's " + this.claims.areasClaim()
					+ " claim must name province codes (15), regency codes (15.03) or *");
		}
		return areas;
	}

}
