package id.ucj.enrollment.registration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import id.ucj.enrollment.publishing.EventsNotPublished;
import id.ucj.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The enrollment API's own refusals, in the shape every service shares
 * ({@link Problems}): a request that breaks the API's rules as a whole, and 503 when
 * Kafka does not acknowledge in time. Everything Spring MVC refuses (unreadable bodies,
 * bad parameters, 413) is answered by service-support's handler.
 */
@RestControllerAdvice
class ProblemHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	private final EnrollmentMetrics metrics;

	private final EnrollmentSettings settings;

	ProblemHandler(EnrollmentMetrics metrics, EnrollmentSettings settings) {
		this.metrics = metrics;
		this.settings = settings;
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequest ex, HttpServletRequest request) {
		this.metrics.invalid(request, ex.problems());
		return Problems.invalid(ex.problems());
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

}
