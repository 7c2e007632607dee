package id.ucj.support.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The API's problem details (RFC 9457), one shape in every service: a bad request names
 * each bad field.
 */
public final class Problems {

	private Problems() {
	}

	/** 400, with {@code errors}: one {@code {"field", "message"}} per problem. */
	public static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(problem);
	}

	/** 403: a known client acting where its role or areas do not reach. */
	public static ResponseEntity<Object> forbidden(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	static ProblemDetail tooLarge(long limit, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"Request bodies may hold at most " + limit + " bytes; split large batches.");
		problem.setTitle("Request body too large");
		problem.setInstance(URI.create(path));
		return problem;
	}

}
