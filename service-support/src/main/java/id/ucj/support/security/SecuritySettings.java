package id.ucj.support.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import id.ucj.contract.ClientKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Who may call: API keys (their hashes, from configuration or a keys file), how JWT
 * claims name a client's role and areas, and the default rate limit. The JWT issuer
 * itself is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} (issuer-uri
 * or jwk-set-uri, audiences).
 *
 * @param keysFile a file of {@link ClientKey} lines, read again whenever it changes (the
 * launcher's {@code keys add} writes it); none if unset
 * @param apiKeys keys given in configuration, for example from a Kubernetes Secret
 */
@ConfigurationProperties("ucj.security")
@Validated
public record SecuritySettings(Path keysFile, @DefaultValue List<@Valid Key> apiKeys,
		@Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Jwt jwt) {

	/** One API key in configuration: its SHA-256 (hex), never the key itself. */
	public record Key(@NotBlank String sha256, @NotBlank String client, @NotBlank String role, List<String> areas,
			Integer rate) {

		ClientKey clientKey() {
			return new ClientKey(this.sha256, this.client, this.role, (this.areas != null) ? this.areas : List.of(),
					this.rate);
		}

	}

	/**
	 * Requests per second per client, unless its key sets its own rate; bursts up to
	 * {@code burst} requests. A batch of 1,000 registrations is one request.
	 */
	public record RateLimit(@DefaultValue("50") @Min(1) int perSecond, @DefaultValue("100") @Min(1) int burst) {
	}

	/**
	 * The claims of a JWT that name the client's role (one of enroller, admin, reader),
	 * its areas (a list, or a string separated by spaces or commas) and its id.
	 */
	public record Jwt(@DefaultValue("ucj_role") String roleClaim, @DefaultValue("ucj_areas") String areasClaim,
			@DefaultValue("client_id") String clientClaim) {
	}

}
