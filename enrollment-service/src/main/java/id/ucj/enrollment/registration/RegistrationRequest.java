package id.ucj.enrollment.registration;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import id.ucj.enrollment.participant.ValidNik;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One registration as a field app captured it.
 *
 * @param fullName optional; checked, never stored, logged or published
 * @param registeredAt when the field app captured it
 * @param paidThrough optional: the last month the registration pays for, from the capture
 * month (in the regency's time zone) to 12 months ahead; absent, the capture month alone
 */
@PaidMonths
record RegistrationRequest(@NotNull @ValidNik String nik, @Size(max = 200) String fullName,
		@NotNull @RegencyCode String regencyCode, @NotNull Segment segment,
		@NotEmpty @UniqueElements List<@NotNull Program> programs, @NotNull FundingSource fundingSource,
		@NotNull @CaptureTime Instant registeredAt, YearMonth paidThrough) implements Located {
}
