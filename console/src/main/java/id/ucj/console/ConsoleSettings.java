package id.ucj.console;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the console finds the services, and how it signs users in.
 *
 * @param aggregatorUrl coverage-aggregator's base address
 * @param notificationUrl notification-service's base address
 * @param usersFile the local users ({@code ConsoleUser} lines), read again whenever it
 * changes; used when no OpenID Connect provider is configured
 * @param signingKey the PKCS#8 PEM private key that signs the short-lived tokens the
 * console presents to the services for a local user
 * @param tokenLifetime how long such a token is valid
 * @param audience the audience those tokens name, as the services expect it
 * @param livePoll how often a page asks for new figures
 * @param staleAfter how long after the last good answer a page says its data is stale
 * @param oidc the OpenID Connect claims that carry a user's login, role and areas
 */
@ConfigurationProperties("ucj.console")
@Validated
public record ConsoleSettings(@NotNull @DefaultValue("http://127.0.0.1:8082") URI aggregatorUrl,
		@NotNull @DefaultValue("http://127.0.0.1:8083") URI notificationUrl, Path usersFile, Path signingKey,
		@DefaultValue("5m") Duration tokenLifetime, @DefaultValue("ucj-coverage") String audience,
		@DefaultValue("5s") Duration livePoll, @DefaultValue("30s") Duration staleAfter, @DefaultValue Oidc oidc) {

	/** Claims of the identity provider's ID token. */
	public record Oidc(@DefaultValue("preferred_username") String loginClaim,
			@DefaultValue("ucj_role") String roleClaim, @DefaultValue("ucj_areas") String areasClaim) {
	}

}
