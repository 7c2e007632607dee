package id.ucj.enrollment.registration;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import id.ucj.support.web.FieldProblem;
import id.ucj.support.web.FieldProblems;

/**
 * Reads a request record from JSON field by field, so that the answer names every bad
 * field at once: unknown fields, values of the wrong type or format, and values that
 * break the record's validation rules.
 */
@Component
class RequestReader {

	private final JsonMapper json;

	private final Validator validator;

	private final Map<Class<?>, Shape<?>> shapes = new ConcurrentHashMap<>();

	RequestReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/**
	 * The request and, when something is wrong with it, every problem (then the request
	 * may be null).
	 */
	record Read<T>(T request, List<FieldProblem> problems) {
	}

	<T extends Record> Read<T> read(JsonNode node, Class<T> type) {
		if (node == null || !node.isObject()) {
			return new Read<>(null, List.of(new FieldProblem(FieldProblems.BODY, "must be a JSON object")));
		}
		@SuppressWarnings("unchecked")
		Shape<T> shape = (Shape<T>) this.shapes.computeIfAbsent(type, (key) -> Shape.of(type, this.json));
		List<FieldProblem> problems = new ArrayList<>();
		node.propertyNames()
			.stream()
			.filter((name) -> !shape.names().contains(name))
			.forEach((name) -> problems.add(new FieldProblem(name, "is not a known field")));
		Object[] values = new Object[shape.fields().size()];
		for (int i = 0; i < values.length; i++) {
			Shape.Field field = shape.fields().get(i);
			JsonNode value = node.get(field.name());
			if (value == null || value.isNull()) {
				continue;
			}
			try {
				values[i] = this.json.treeToValue(value, field.type());
			}
			catch (JacksonException ex) {
				FieldProblem problem = FieldProblems.of(ex);
				String path = FieldProblems.BODY.equals(problem.field()) ? "" : problem.field();
				problems.add(new FieldProblem(field.name() + path, problem.message()));
			}
		}
		T request = shape.instantiate(values);
		Set<String> unreadable = problems.stream()
			.map((problem) -> topLevel(problem.field()))
			.collect(Collectors.toSet());
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

	/**
	 * A request record's fields, their JSON types and its constructor, looked up once per
	 * record type: reflection on every item of every batch was a measurable part of a
	 * registration's cost.
	 */
	private record Shape<T>(List<Field> fields, Set<String> names, Constructor<T> constructor) {

		record Field(String name, JavaType type) {
		}

		static <T extends Record> Shape<T> of(Class<T> type, JsonMapper json) {
			RecordComponent[] components = type.getRecordComponents();
			List<Field> fields = Arrays.stream(components)
				.map((component) -> new Field(component.getName(), json.constructType(component.getGenericType())))
				.toList();
			try {
				Constructor<T> constructor = type.getDeclaredConstructor(
						Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
				return new Shape<>(fields, fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet()),
						constructor);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("A record has its canonical constructor: " + type.getSimpleName(), ex);
			}
		}

		T instantiate(Object[] values) {
			try {
				return this.constructor.newInstance(values);
			}
			catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot create " + this.constructor.getDeclaringClass().getSimpleName(),
						ex);
			}
		}

	}

}
