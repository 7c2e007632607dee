package id.ucj.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A worker was enrolled, in a regency, for some programmes. Registering again replaces
 * the previous one.
 *
 * @param paidThrough the last month the registration pays for, from the month it was
 * captured in (in the regency's time zone); null: that month alone (BPJS membership
 * starts with the first paid month)
 */
public record ParticipantRegistered(UUID eventId, Instant occurredAt, String participantId, String regencyCode,
		Segment segment, Set<Program> programs, FundingSource fundingSource,
		YearMonth paidThrough) implements ParticipantEvent {

	public ParticipantRegistered {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(participantId, "participantId");
		Objects.requireNonNull(regencyCode, "regencyCode");
		Objects.requireNonNull(segment, "segment");
		Objects.requireNonNull(fundingSource, "fundingSource");
		if (programs == null || programs.isEmpty()) {
			throw new IllegalArgumentException("programs must not be empty");
		}
		// Enum order, so that the same registration always serialises the same way.
		programs = java.util.Collections.unmodifiableSet(EnumSet.copyOf(programs));
	}

}
