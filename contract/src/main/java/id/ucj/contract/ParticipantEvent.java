package id.ucj.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a participant, as it travels on
 * {@link Topics#PARTICIPANT_EVENTS}. Only the pseudonymous {@code participantId}
 * identifies the worker: the NIK never leaves the enrollment service.
 */
public sealed interface ParticipantEvent permits ParticipantRegistered, ParticipantDeregistered, ContributionPaid {

	UUID eventId();

	/**
	 * When the field app captured it (a payment: when it was recorded). Registrations and
	 * deregistrations of one participant take effect in this order; contributions are
	 * facts that count whenever they arrive.
	 */
	Instant occurredAt();

	String participantId();

	default EventType type() {
		return EventType.of(this);
	}

}
