package id.ucj.enrollment.participant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A NIK that follows the rules of {@link Nik}; {@code null} is left to {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NikValidator.class)
public @interface ValidNik {

	String message() default "is not a valid NIK";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
