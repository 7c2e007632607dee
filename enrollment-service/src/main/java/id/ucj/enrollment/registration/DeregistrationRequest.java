package id.ucj.enrollment.registration;

import java.time.Instant;

import id.ucj.contract.DeregistrationReason;
import id.ucj.enrollment.participant.ValidNik;
import jakarta.validation.constraints.NotNull;

/**
 * A participant leaving cover, as a field app captured it.
 *
 * @param regencyCode the regency the participant is covered in: required from a client
 * limited to some areas (it may only end cover there), optional from one that acts in all
 */
record DeregistrationRequest(@NotNull @ValidNik String nik, @NotNull DeregistrationReason reason,
		@NotNull @CaptureTime Instant deregisteredAt, @RegencyCode String regencyCode) {
}
