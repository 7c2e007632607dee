package id.ucj.aggregator.counting;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.ucj.contract.DeregistrationReason;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantDeregistered;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTest {

	static final Instant T0 = Instant.parse("2024-10-14T02:00:00Z");

	@Test
	void countsANewParticipantInEveryBreakdown() {
		Membership.Transition transition = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS);

		assertThat(transition.outcome()).isEqualTo(Membership.Outcome.APPLIED);
		assertThat(transition.changes()).containsOnlyKeys("15.03");
		assertThat(transition.changes().get("15.03").asMap())
			.containsExactlyInAnyOrderEntriesOf(Map.of("registered", 1L, "program_JKK", 1L, "program_JKM", 1L,
					"segment_BPU", 1L, "funding_APBD", 1L, "registrations", 1L, "active+@2024-10|BPU|APBD", 1L,
					"active-@2025-01|BPU|APBD", 1L, "protected+@2024-10", 1L, "protected-@2024-11", 1L));
	}

	@Test
	void changesNothingWhenRegisteredTwiceInTheSameRegency() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition again = covered.apply(registered("15.03", T0.plusSeconds(60)), LapseRule.BPJS);

		assertThat(again.outcome()).isEqualTo(Membership.Outcome.UNCHANGED);
		assertThat(again.changes()).isEmpty();
	}

	@Test
	void movesAParticipantRegisteredInAnotherRegency() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition move = covered.apply(registered("15.04", T0.plusSeconds(60)), LapseRule.BPJS);

		assertThat(move.outcome()).isEqualTo(Membership.Outcome.MOVED);
		assertThat(move.changes().get("15.03").get("registered")).isEqualTo(-1);
		assertThat(move.changes().get("15.03").get("movedOut")).isEqualTo(1);
		assertThat(move.changes().get("15.04").get("registered")).isEqualTo(1);
		assertThat(move.changes().get("15.04").get("movedIn")).isEqualTo(1);
	}

	@Test
	void removesADeregisteredParticipant() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition leave = covered.apply(deregistered(T0.plusSeconds(60)), LapseRule.BPJS);

		assertThat(leave.next().active()).isFalse();
		assertThat(leave.changes().get("15.03").asMap()).containsEntry("registered", -1L)
			.containsEntry("deregistrations", 1L);
	}

	@Test
	void changesNothingWhenSomeoneNotCoveredIsDeregistered() {
		Membership.Transition leave = Membership.NONE.apply(deregistered(T0), LapseRule.BPJS);

		assertThat(leave.changes()).isEmpty();
		assertThat(leave.outcome()).isEqualTo(Membership.Outcome.UNCHANGED);
	}

	@Test
	void ignoresADeregistrationCapturedBeforeTheRegistrationButUploadedAfterIt() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition late = covered.apply(deregistered(T0.minusSeconds(3600)), LapseRule.BPJS);

		assertThat(late.outcome()).isEqualTo(Membership.Outcome.LATE);
		assertThat(late.next()).isEqualTo(covered);
	}

	@Test
	void ignoresARegistrationCapturedBeforeADeregistrationOfSomeoneNeverCovered() {
		Membership left = Membership.NONE.apply(deregistered(T0), LapseRule.BPJS).next();

		Membership.Transition late = left.apply(registered("15.03", T0.minusSeconds(60)), LapseRule.BPJS);

		assertThat(late.outcome()).isEqualTo(Membership.Outcome.LATE);
		assertThat(late.changes()).isEmpty();
	}

	@Test
	void appliesADeregistrationThatNamesTheParticipantsRegency() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition leave = covered.apply(deregistered("15.03", T0.plusSeconds(60)), LapseRule.BPJS);

		assertThat(leave.outcome()).isEqualTo(Membership.Outcome.APPLIED);
		assertThat(leave.next().active()).isFalse();
	}

	@Test
	void ignoresADeregistrationThatNamesAnotherRegency() {
		Membership covered = Membership.NONE.apply(registered("15.03", T0), LapseRule.BPJS).next();

		Membership.Transition elsewhere = covered.apply(deregistered("51.71", T0.plusSeconds(60)), LapseRule.BPJS);

		assertThat(elsewhere.outcome()).isEqualTo(Membership.Outcome.WRONG_REGENCY);
		assertThat(elsewhere.changes()).isEmpty();
		assertThat(elsewhere.next()).isEqualTo(covered);
	}

	static ParticipantRegistered registered(String regency, Instant at) {
		return new ParticipantRegistered(UUID.randomUUID(), at, "p1", regency, Segment.BPU,
				Set.of(Program.JKM, Program.JKK), FundingSource.APBD, null);
	}

	static ParticipantDeregistered deregistered(Instant at) {
		return deregistered(null, at);
	}

	static ParticipantDeregistered deregistered(String regency, Instant at) {
		return new ParticipantDeregistered(UUID.randomUUID(), at, "p1", DeregistrationReason.LAPSED, regency);
	}

}
