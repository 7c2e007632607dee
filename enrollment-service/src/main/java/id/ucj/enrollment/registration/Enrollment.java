package id.ucj.enrollment.registration;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import id.ucj.contract.ContributionPaid;
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.enrollment.participant.ParticipantIds;
import id.ucj.enrollment.publishing.ParticipantEventPublisher;

/**
 * Turns valid requests into participant events and publishes them. Event ids derive from
 * the event's content, so that a field app retrying the same capture produces the same
 * event id downstream.
 */
@Component
class Enrollment {

	private final ParticipantIds participantIds;

	private final ParticipantEventPublisher publisher;

	private final EnrollmentMetrics metrics;

	Enrollment(ParticipantIds participantIds, ParticipantEventPublisher publisher, EnrollmentMetrics metrics) {
		this.participantIds = participantIds;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	List<Receipt> register(List<RegistrationRequest> requests, String client) {
		List<ParticipantRegistered> events = requests.stream().map(this::registered).toList();
		return publish(EventType.PARTICIPANT_REGISTERED, events, client);
	}

	Receipt deregister(DeregistrationRequest request, String client) {
		String participantId = this.participantIds.of(request.nik());
		UUID eventId = eventId(EventType.PARTICIPANT_DEREGISTERED, participantId, request.reason().name(),
				request.deregisteredAt().toString(), String.valueOf(request.regencyCode()));
		ParticipantDeregistered event = new ParticipantDeregistered(eventId, request.deregisteredAt(), participantId,
				request.reason(), request.regencyCode());
		return publish(EventType.PARTICIPANT_DEREGISTERED, List.of(event), client).get(0);
	}

	private ParticipantRegistered registered(RegistrationRequest request) {
		String participantId = this.participantIds.of(request.nik());
		Set<Program> programs = EnumSet.copyOf(request.programs());
		List<String> parts = new java.util.ArrayList<>(
				List.of(participantId, request.regencyCode(), request.segment().name(), programs.toString(),
						request.fundingSource().name(), request.registeredAt().toString()));
		if (request.paidThrough() != null) {
			parts.add(request.paidThrough().toString());
		}
		UUID eventId = eventId(EventType.PARTICIPANT_REGISTERED, parts.toArray(String[]::new));
		return new ParticipantRegistered(eventId, request.registeredAt(), participantId, request.regencyCode(),
				request.segment(), programs, request.fundingSource(), request.paidThrough());
	}

	List<Receipt> contribute(List<ContributionRequest> requests, String client) {
		List<ContributionPaid> events = requests.stream().map(this::paid).toList();
		return publish(EventType.CONTRIBUTION_PAID, events, client);
	}

	private ContributionPaid paid(ContributionRequest request) {
		String participantId = this.participantIds.of(request.nik());
		UUID eventId = eventId(EventType.CONTRIBUTION_PAID, participantId, request.coverFrom().toString(),
				request.coverThrough().toString(), request.fundingSource().name(), request.amount().toString(),
				request.paidAt().toString());
		return new ContributionPaid(eventId, request.paidAt(), participantId, request.coverFrom(),
				request.coverThrough(), request.fundingSource(), request.amount());
	}

	private List<Receipt> publish(EventType type, List<? extends ParticipantEvent> events, String client) {
		if (events.isEmpty()) {
			return List.of();
		}
		this.publisher.publish(events, client);
		this.metrics.accepted(type, events);
		return events.stream().map((event) -> new Receipt(event.eventId(), event.participantId())).toList();
	}

	private static UUID eventId(EventType type, String... parts) {
		String name = type.ceType() + "|" + String.join("|", parts);
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
