package id.ucj.console.api;

import java.util.List;

/**
 * A service refused a request: its status and, for a 400, the fields it named (problem
 * details {@code errors}).
 */
public class Refused extends RuntimeException {

	private final int status;

	private final List<FieldError> errors;

	public Refused(int status, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public int status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public record FieldError(String field, String message) {
	}

}
