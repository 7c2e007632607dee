package id.ucj.enrollment.registration;

import java.time.Instant;

import id.ucj.contract.DeregistrationReason;
import id.ucj.enrollment.participant.ValidNik;
import jakarta.validation.constraints.NotNull;

/** A participant leaving cover, as a field app captured it. */
record DeregistrationRequest(@NotNull @ValidNik String nik, @NotNull DeregistrationReason reason,
		@NotNull @CaptureTime Instant deregisteredAt) {
}
