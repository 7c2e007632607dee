package id.ucj.enrollment.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.BiConsumer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The months a request pays for are plausible: a registration's {@code paidThrough} runs
 * from its capture month to 12 months ahead; a contribution covers 1 to 12 months, none
 * before 2015-07 (BPJS Ketenagakerjaan's start), none more than 12 months ahead. Months
 * are the regency's own (its province's time zone).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = { PaidMonths.ForRegistration.class, PaidMonths.ForContribution.class })
@interface PaidMonths {

	int MAX_MONTHS = 12;

	YearMonth FIRST = YearMonth.of(2015, 7);

	String message() default "must name plausible months";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class ForRegistration implements ConstraintValidator<PaidMonths, RegistrationRequest> {

		private final Clock clock;

		ForRegistration(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean isValid(RegistrationRequest request, ConstraintValidatorContext context) {
			ZoneId zone = request.zone();
			if (request.paidThrough() == null || zone == null || request.registeredAt() == null) {
				return true;
			}
			YearMonth captured = YearMonth.from(request.registeredAt().atZone(zone));
			YearMonth latest = YearMonth.from(this.clock.instant().atZone(zone)).plusMonths(MAX_MONTHS);
			if (request.paidThrough().isBefore(captured) || request.paidThrough().isAfter(latest)) {
				return Violations.refuse(context, "paidThrough",
						"must be a month from the capture month (" + captured + ") to " + latest);
			}
			return true;
		}

	}

	class ForContribution implements ConstraintValidator<PaidMonths, ContributionRequest> {

		private final Clock clock;

		ForContribution(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean isValid(ContributionRequest request, ConstraintValidatorContext context) {
			ZoneId zone = request.zone();
			if (request.coverFrom() == null || request.coverThrough() == null) {
				return true;
			}
			boolean valid = true;
			BiConsumer<String, String> problem = (field, message) -> Violations.refuse(context, field, message);
			if (request.coverFrom().isBefore(FIRST)) {
				problem.accept("coverFrom", "must not be before " + FIRST);
				valid = false;
			}
			if (request.coverThrough().isBefore(request.coverFrom())
					|| request.coverThrough().isAfter(request.coverFrom().plusMonths(MAX_MONTHS - 1))) {
				problem.accept("coverThrough", "must be 1 to " + MAX_MONTHS + " months from coverFrom");
				valid = false;
			}
			YearMonth latest = YearMonth
				.from(this.clock.instant().atZone((zone != null) ? zone : ZoneId.of("Asia/Jakarta")))
				.plusMonths(MAX_MONTHS);
			if (request.coverThrough().isAfter(latest)) {
				problem.accept("coverThrough", "must not be after " + latest);
				valid = false;
			}
			return valid;
		}

	}

	/** Reports a problem on one field of the request, so that the answer names it. */
	final class Violations {

		private Violations() {
		}

		static boolean refuse(ConstraintValidatorContext context, String field, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

	}

}
