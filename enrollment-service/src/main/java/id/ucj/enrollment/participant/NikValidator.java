package id.ucj.enrollment.participant;

import id.ucj.contract.Regions;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class NikValidator implements ConstraintValidator<ValidNik, String> {

	@Override
	public boolean isValid(String nik, ConstraintValidatorContext context) {
		if (nik == null) {
			return true;
		}
		return Nik.problemWith(nik, Regions.official()).map((problem) -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}).orElse(true);
	}

}
