package id.ucj.enrollment.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * When a field app captured something: not in the future beyond the allowed clock skew,
 * and not older than the allowed age (see {@link EnrollmentSettings}).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CaptureTime.Validator.class)
@interface CaptureTime {

	String message() default "must be a capture time that is neither in the future nor too old";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CaptureTime, Instant> {

		private final Clock clock;

		private final EnrollmentSettings settings;

		Validator(Clock clock, EnrollmentSettings settings) {
			this.clock = clock;
			this.settings = settings;
		}

		@Override
		public boolean isValid(Instant capturedAt, ConstraintValidatorContext context) {
			if (capturedAt == null) {
				return true;
			}
			Instant now = this.clock.instant();
			if (capturedAt.isAfter(now.plus(this.settings.clockSkew()))) {
				return violation(context,
						"must not be in the future (allowed clock skew " + this.settings.clockSkew() + ")");
			}
			if (capturedAt.isBefore(now.minus(this.settings.maxAge()))) {
				return violation(context, "must not be older than " + this.settings.maxAge().toDays() + " days");
			}
			return true;
		}

		private static boolean violation(ConstraintValidatorContext context, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
