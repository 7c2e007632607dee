package id.ucj.support.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the bad fields of a request, whether JSON binding or validation found them.
 * Messages describe the rule and never echo the submitted value: it may be a NIK.
 */
public final class FieldProblems {

	/** The field of a request body that is not JSON at all. */
	public static final String BODY = "body";

	private FieldProblems() {
	}

	public static List<FieldProblem> of(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream()
			.map((violation) -> new FieldProblem(path(violation.getPropertyPath()), violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
	}

	public static FieldProblem of(JacksonException ex) {
		if (ex instanceof StreamReadException) {
			return new FieldProblem(BODY, "is not well-formed JSON" + location(ex));
		}
		String field = ex.getPath().isEmpty() ? BODY : path(ex.getPath());
		if (ex instanceof UnrecognizedPropertyException) {
			return new FieldProblem(field, "is not a known field");
		}
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
			return new FieldProblem(field, "must be one of " + allowed(invalid.getTargetType()));
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> target = mismatch.getTargetType();
			if (target.isEnum()) {
				return new FieldProblem(field, "must be one of " + allowed(target));
			}
			return new FieldProblem(field, "must be " + describe(target));
		}
		return new FieldProblem(field, "has the wrong type or format");
	}

	private static String path(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				field.append('[').append(node.getIndex()).append(']');
			}
			else if (node.getName() != null && !node.getName().startsWith("<")) {
				field.append(field.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		return field.toString();
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? BODY : field.toString();
	}

	private static String allowed(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
	}

	private static String describe(Class<?> target) {
		if (target == java.time.Instant.class) {
			return "an ISO-8601 instant such as 2024-10-14T02:15:30Z";
		}
		if (java.util.Collection.class.isAssignableFrom(target)) {
			return "an array";
		}
		if (target == String.class) {
			return "a string";
		}
		if (target.isRecord() || target == Object.class
				|| tools.jackson.databind.JsonNode.class.isAssignableFrom(target)) {
			return "an object";
		}
		return "a " + target.getSimpleName();
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

}
