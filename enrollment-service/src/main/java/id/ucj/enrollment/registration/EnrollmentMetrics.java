package id.ucj.enrollment.registration;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import id.ucj.support.web.FieldProblem;
import id.ucj.support.web.FieldProblems;
import id.ucj.support.web.RequestRejections;
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Province;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Accepted and rejected submissions, and registrations per province (so that operators
 * notice a province gone quiet). A rejection is tagged with the first bad field's name
 * when it is one of the API's fields, so that the tag's values stay few whatever clients
 * send.
 */
@Component
class EnrollmentMetrics implements RequestRejections {

	static final String UNKNOWN_FIELD = "unknown_field";

	static final String TOO_LARGE = "too_large";

	static final String UNAVAILABLE = "kafka_unavailable";

	private static final Set<String> API_FIELDS = Set.of("nik", "fullName", "regencyCode", "segment", "programs",
			"fundingSource", "registeredAt", "reason", "deregisteredAt", "registrations", "paidThrough", "coverFrom",
			"coverThrough", "amount", "paidAt", "contributions", FieldProblems.BODY);

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, Counter> registrationsByProvince = new HashMap<>();

	private final Map<String, AtomicLong> lastRegistrationByProvince = new HashMap<>();

	private final Map<EventType, Counter> accepted = new ConcurrentHashMap<>();

	EnrollmentMetrics(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		for (Province province : Regions.official().provinces()) {
			Tags tags = Tags.of("province", province.code(), "province_name", province.name());
			this.registrationsByProvince.put(province.code(), Counter.builder("ucj.enrollment.registrations")
				.description("Registrations that Kafka acknowledged, by the regency's province (all 38 from the start)")
				.tags(tags)
				.register(meters));
			AtomicLong last = new AtomicLong(clock.instant().getEpochSecond());
			this.lastRegistrationByProvince.put(province.code(), last);
			Gauge.builder("ucj.enrollment.last.registration.timestamp", last, AtomicLong::get)
				.description("When this instance last accepted a registration from the province (its start until then)")
				.baseUnit("seconds")
				.tags(tags)
				.register(meters);
		}
	}

	void accepted(EventType type, List<? extends ParticipantEvent> events) {
		this.accepted
			.computeIfAbsent(type,
					(key) -> Counter.builder("ucj.enrollment.accepted")
						.description("Registrations, deregistrations and contributions that Kafka acknowledged")
						.tag("event", key.ceType())
						.register(this.meters))
			.increment(events.size());
		for (ParticipantEvent event : events) {
			if (event instanceof ParticipantRegistered registered) {
				String province = Regency.provinceCodeOf(registered.regencyCode());
				this.registrationsByProvince.get(province).increment();
				this.lastRegistrationByProvince.get(province).set(this.clock.instant().getEpochSecond());
			}
		}
	}

	@Override
	public void invalid(HttpServletRequest request, List<FieldProblem> problems) {
		rejected(eventType(request), problems);
	}

	@Override
	public void tooLarge(HttpServletRequest request) {
		rejected(eventType(request), TOO_LARGE);
	}

	private static EventType eventType(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.endsWith("/deregistrations") ? EventType.PARTICIPANT_DEREGISTERED
				: uri.contains("/contributions") ? EventType.CONTRIBUTION_PAID : EventType.PARTICIPANT_REGISTERED;
	}

	void rejected(EventType type, List<FieldProblem> problems) {
		rejected(type, reasonOf(problems));
	}

	void rejected(EventType type, String reason) {
		Counter.builder("ucj.enrollment.rejected")
			.description("Registrations, deregistrations and contributions refused, by the first bad field")
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
