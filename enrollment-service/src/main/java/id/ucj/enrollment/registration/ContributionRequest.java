package id.ucj.enrollment.registration;

import java.time.Instant;
import java.time.YearMonth;

import id.ucj.contract.FundingSource;
import id.ucj.enrollment.participant.ValidNik;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Cover paid for a participant, as a payment system or a regency's treasury records it.
 *
 * @param regencyCode the regency the participant is covered in (an enroller records
 * contributions in its areas)
 * @param coverFrom first month paid, {@code YYYY-MM}, not before 2015-07 (when BPJS
 * Ketenagakerjaan began)
 * @param coverThrough last month paid: at most 12 months from {@code coverFrom}, at most
 * 12 months ahead
 * @param amount rupiah paid, a positive whole number
 * @param paidAt when the payment was recorded
 */
@PaidMonths
record ContributionRequest(@NotNull @ValidNik String nik, @NotNull @RegencyCode String regencyCode,
		@NotNull YearMonth coverFrom, @NotNull YearMonth coverThrough, @NotNull FundingSource fundingSource,
		@NotNull @Positive Long amount, @NotNull @CaptureTime Instant paidAt) implements Located {
}
