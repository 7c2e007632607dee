package id.ucj.enrollment.registration;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import id.ucj.support.web.FieldProblem;
import id.ucj.support.web.FieldProblems;

/**
 * Reads a request record from JSON field by field, so that the answer names every bad field at once: unknown
 * fields, values of the wrong type or format, and values that break the record's validation rules.
 */
@Component
class RequestReader {

	private final JsonMapper json;

	private final Validator validator;

	RequestReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/** The request and, when something is wrong with it, every problem (then the request may be null). */
	record Read<T>(T request, List<FieldProblem> problems) {
	}

	<T extends Record> Read<T> read(JsonNode node, Class<T> type) {
		if (node == null || !node.isObject()) {
			return new Read<>(null, List.of(new FieldProblem(FieldProblems.BODY, "must be a JSON object")));
		}
		RecordComponent[] components = type.getRecordComponents();
		Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
		List<FieldProblem> problems = new ArrayList<>();
		node.propertyNames()
			.stream()
			.filter((name) -> !known.contains(name))
			.forEach((name) -> problems.add(new FieldProblem(name, "is not a known field")));
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			JsonNode value = node.get(components[i].getName());
			if (value == null || value.isNull()) {
				continue;
			}
			try {
				values[i] = this.json.treeToValue(value, this.json.constructType(components[i].getGenericType()));
			}
			catch (JacksonException ex) {
				FieldProblem problem = FieldProblems.of(ex);
				String path = FieldProblems.BODY.equals(problem.field()) ? "" : problem.field();
				problems.add(new FieldProblem(components[i].getName() + path, problem.message()));
			}
		}
		T request = instantiate(type, components, values);
		Set<String> unreadable = problems.stream().map((problem) -> topLevel(problem.field())).collect(Collectors.toSet());
		FieldProblems.of(this.validator.validate(request))
			.stream()
			.filter((problem) -> !unreadable.contains(topLevel(problem.field())))
			.forEach(problems::add);
		problems.sort(Comparator.comparing(FieldProblem::field));
		return new Read<>(problems.isEmpty() ? request : null, List.copyOf(problems));
	}

	private static String topLevel(String field) {
		return field.split("[.\\[]", 2)[0];
	}

	private static <T> T instantiate(Class<T> type, RecordComponent[] components, Object[] values) {
		try {
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Constructor<T> constructor = type.getDeclaredConstructor(types);
			return constructor.newInstance(values);
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot create " + type.getSimpleName(), ex);
		}
	}

}
