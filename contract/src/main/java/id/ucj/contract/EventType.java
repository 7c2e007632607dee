package id.ucj.contract;

import java.util.Arrays;
import java.util.Optional;

/** The logical wire names of the events ({@code ce_type}); never Java class names. */
public enum EventType {

	PARTICIPANT_REGISTERED("participant.registered", ParticipantRegistered.class),
	PARTICIPANT_DEREGISTERED("participant.deregistered", ParticipantDeregistered.class),
	CONTRIBUTION_PAID("contribution.paid", ContributionPaid.class),
	COVERAGE_CHANGED("coverage.changed", CoverageSnapshot.class);

	private final String ceType;

	private final Class<?> payloadType;

	EventType(String ceType, Class<?> payloadType) {
		this.ceType = ceType;
		this.payloadType = payloadType;
	}

	public String ceType() {
		return this.ceType;
	}

	public Class<?> payloadType() {
		return this.payloadType;
	}

	public static Optional<EventType> fromCeType(String ceType) {
		return Arrays.stream(values()).filter((type) -> type.ceType.equals(ceType)).findFirst();
	}

	public static EventType of(Object payload) {
		return Arrays.stream(values())
			.filter((type) -> type.payloadType.isInstance(payload))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a contract event: " + payload.getClass()));
	}

}
