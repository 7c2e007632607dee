package id.ucj.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * Cover was paid for a participant, for the months {@code coverFrom} to
 * {@code coverThrough} (inclusive). A fact: it never undoes another, the same one twice
 * changes nothing, and one that arrives before the participant's registration counts once
 * the registration comes. Keyed by participant, so it stays in order with the
 * participant's other events; the submitting client travels in the {@code ce_ucjclient}
 * header.
 *
 * @param occurredAt when the payment was recorded
 * @param amount rupiah paid, a positive whole number
 */
public record ContributionPaid(UUID eventId, Instant occurredAt, String participantId, YearMonth coverFrom,
		YearMonth coverThrough, FundingSource fundingSource, long amount) implements ParticipantEvent {

	public ContributionPaid {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(participantId, "participantId");
		Objects.requireNonNull(coverFrom, "coverFrom");
		Objects.requireNonNull(coverThrough, "coverThrough");
		Objects.requireNonNull(fundingSource, "fundingSource");
		if (coverThrough.isBefore(coverFrom)) {
			throw new IllegalArgumentException("coverThrough must not be before coverFrom");
		}
		if (amount <= 0) {
			throw new IllegalArgumentException("amount must be positive");
		}
	}

}
