package id.ucj.enrollment.registration;

import java.util.List;

import id.ucj.support.web.FieldProblem;

/** A request that breaks the API's rules as a whole (not one batch item). */
class InvalidRequest extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidRequest(List<FieldProblem> problems) {
		super("Invalid request", null, false, false);
		this.problems = problems;
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
