package id.ucj.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker stopped being covered.
 *
 * @param regencyCode the regency the submitting client says the participant is covered
 * in; the deregistration takes effect only there (a client limited to some areas cannot
 * end cover elsewhere). Null from clients that act in every area and did not name it:
 * then it takes effect wherever the participant was last registered.
 */
public record ParticipantDeregistered(UUID eventId, Instant occurredAt, String participantId,
		DeregistrationReason reason, String regencyCode) implements ParticipantEvent {

	public ParticipantDeregistered {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(participantId, "participantId");
		Objects.requireNonNull(reason, "reason");
	}

}
