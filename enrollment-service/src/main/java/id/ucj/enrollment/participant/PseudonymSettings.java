package id.ucj.enrollment.participant;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Where the key that pseudonymises NIKs comes from.
 *
 * @param key the HMAC key, base64, at least 32 bytes; in production from a Secret. Never
 * printed.
 * @param keyFile used when no key is given: read, or generated once and kept there (local
 * development only)
 * @param keyVersion the key's version, which every participant id carries
 * ({@code v1-...}), so that ids made under another key are told apart after a rotation
 */
@Validated
@ConfigurationProperties("ucj.pseudonym")
record PseudonymSettings(String key, @NotNull Path keyFile, @DefaultValue("1") @Min(1) @Max(999) int keyVersion) {

	@Override
	public String toString() {
		return "PseudonymSettings[key=" + ((this.key == null || this.key.isBlank()) ? "(none)" : "(set, not shown)")
				+ ", keyFile=" + this.keyFile + ", keyVersion=" + this.keyVersion + "]";
	}

}
