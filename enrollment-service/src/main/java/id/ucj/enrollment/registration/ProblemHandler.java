package id.ucj.enrollment.registration;

import java.util.List;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import id.ucj.contract.EventType;
import id.ucj.enrollment.publishing.EventsNotPublished;
import tools.jackson.core.JacksonException;

/** Every failure of the API as RFC 9457 problem details; bad requests name each bad field under {@code errors}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private final EnrollmentMetrics metrics;

	private final EnrollmentSettings settings;

	ProblemHandler(EnrollmentMetrics metrics, EnrollmentSettings settings) {
		this.metrics = metrics;
		this.settings = settings;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (NestedExceptionUtils.getRootCause(ex) instanceof PayloadTooLarge) {
			this.metrics.rejected(eventType(request), EnrollmentMetrics.TOO_LARGE);
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(RequestSizeLimit.tooLarge(this.settings.maxRequestSize().toBytes(), request.getDescription(false)));
		}
		JacksonException json = jacksonCause(ex);
		FieldProblem problem = (json != null) ? FieldProblems.of(json)
				: new FieldProblem(FieldProblems.BODY, "is missing or not readable as JSON");
		return invalid(List.of(problem), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequest ex, WebRequest request) {
		return invalid(ex.problems(), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> kafkaUnavailable(EventsNotPublished ex) {
		logger.warn("Events not acknowledged by Kafka: " + NestedExceptionUtils.getMostSpecificCause(ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The event log did not acknowledge the request in time; nothing was accepted. Retry later.");
		problem.setTitle("Event log unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.settings.retryAfter().toSeconds()))
			.body(problem);
	}

	private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
		this.metrics.rejected(eventType(request), problems);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(problem);
	}

	private static EventType eventType(WebRequest request) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : "";
		return path.endsWith("/deregistrations") ? EventType.PARTICIPANT_DEREGISTERED : EventType.PARTICIPANT_REGISTERED;
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

}
