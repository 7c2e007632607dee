package id.ucj.enrollment.registration;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import id.ucj.contract.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Accepted and rejected submissions. A rejection is tagged with the first bad field's name when it is one of the
 * API's fields, so that the tag's values stay few whatever clients send.
 */
@Component
class EnrollmentMetrics {

	static final String UNKNOWN_FIELD = "unknown_field";

	static final String TOO_LARGE = "too_large";

	static final String UNAVAILABLE = "kafka_unavailable";

	private static final Set<String> API_FIELDS = Set.of("nik", "fullName", "regencyCode", "segment", "programs",
			"fundingSource", "registeredAt", "reason", "deregisteredAt", "registrations", FieldProblems.BODY);

	private final MeterRegistry meters;

	EnrollmentMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void accepted(EventType type, int count) {
		Counter.builder("ucj.enrollment.accepted")
			.description("Registrations and deregistrations that Kafka acknowledged")
			.tag("event", type.ceType())
			.register(this.meters)
			.increment(count);
	}

	void rejected(EventType type, List<FieldProblem> problems) {
		rejected(type, reasonOf(problems));
	}

	void rejected(EventType type, String reason) {
		Counter.builder("ucj.enrollment.rejected")
			.description("Registrations and deregistrations refused, by the first bad field")
			.tag("event", type.ceType())
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	private static String reasonOf(List<FieldProblem> problems) {
		if (problems.isEmpty()) {
			return FieldProblems.BODY;
		}
		String field = problems.get(0).field();
		String topLevel = field.split("[.\\[]", 2)[0];
		return API_FIELDS.contains(topLevel) ? topLevel : UNKNOWN_FIELD;
	}

}
