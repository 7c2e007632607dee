package id.ucj.enrollment.participant;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the key that pseudonymises NIKs comes from.
 *
 * @param key the HMAC key, base64, at least 32 bytes; in production from a Secret
 * @param keyFile used when no key is given: read, or generated once and kept there (local development only)
 */
@Validated
@ConfigurationProperties("ucj.pseudonym")
record PseudonymSettings(String key, @NotNull Path keyFile) {
}
