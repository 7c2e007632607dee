package id.ucj.enrollment.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Limits of the enrollment API (its body-size limit is
 * {@code ucj.http.max-request-size}).
 *
 * @param maxBatchSize most registrations in one batch
 * @param clockSkew how far in the future a field app's clock may put a capture time
 * @param maxAge how old a capture time may be (field apps upload late, but not years
 * late)
 * @param retryAfter what a 503 tells the client to wait before retrying
 */
@Validated
@ConfigurationProperties("ucj.enrollment")
record EnrollmentSettings(@DefaultValue("1000") @Min(1) @Max(10_000) int maxBatchSize,
		@DefaultValue("5m") @NotNull Duration clockSkew, @DefaultValue("400d") @NotNull Duration maxAge,
		@DefaultValue("5s") @NotNull Duration retryAfter) {
}
