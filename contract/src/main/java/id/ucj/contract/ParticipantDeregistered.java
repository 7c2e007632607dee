package id.ucj.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker stopped being covered. The regency is not named: it is wherever the participant was last registered. */
public record ParticipantDeregistered(UUID eventId, Instant occurredAt, String participantId,
		DeregistrationReason reason) implements ParticipantEvent {

	public ParticipantDeregistered {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(participantId, "participantId");
		Objects.requireNonNull(reason, "reason");
	}

}
