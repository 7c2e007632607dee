package id.ucj.enrollment.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import id.ucj.contract.Regions;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** One of the 514 official regency codes, written {@code PP.RR}. */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegencyCode.Validator.class)
@interface RegencyCode {

	String message() default "must be an official regency code such as 15.03";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<RegencyCode, String> {

		@Override
		public boolean isValid(String code, ConstraintValidatorContext context) {
			return code == null || Regions.official().regency(code).isPresent();
		}

	}

}
