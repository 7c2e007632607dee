package id.ucj.support.web;

import java.util.List;

/**
 * A request whose fields are each well-formed but which breaks a rule only the controller
 * can check (a month that is already past, a target the regency does not have): answered
 * 400 with the same {@code errors} as any other.
 */
public class InvalidRequest extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidRequest(String field, String message) {
		super(field + " " + message);
		this.problems = List.of(new FieldProblem(field, message));
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
