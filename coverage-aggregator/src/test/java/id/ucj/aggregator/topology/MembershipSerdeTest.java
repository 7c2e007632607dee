package id.ucj.aggregator.topology;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.ucj.aggregator.counting.Cover;
import id.ucj.aggregator.counting.Membership;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipSerdeTest {

	private static final Membership PAID_AHEAD = new Membership(true, "15.03", Segment.BPU,
			EnumSet.of(Program.JKK, Program.JKM), FundingSource.APBD, Instant.parse("2024-10-14T02:00:00.123456789Z"),
			new Cover(List.of(new Cover.PaidRange(YearMonth.of(2024, 10), YearMonth.of(2025, 1), FundingSource.APBD),
					new Cover.PaidRange(YearMonth.of(2025, 3), YearMonth.of(2025, 3), FundingSource.SELF))));

	@Test
	void readsBackWhatItWrote() {
		assertThat(MembershipSerde.decode(MembershipSerde.encode(PAID_AHEAD))).isEqualTo(PAID_AHEAD);
		assertThat(MembershipSerde.decode(MembershipSerde.encode(Membership.NONE))).isEqualTo(Membership.NONE);
	}

	@Test
	void readsBackADeregisteredParticipantWithAllProgrammes() {
		Membership left = new Membership(false, "94.71", Segment.PMI, EnumSet.allOf(Program.class),
				FundingSource.EMPLOYER, Instant.parse("2026-01-31T16:59:59Z"), Cover.NONE);

		assertThat(MembershipSerde.decode(MembershipSerde.encode(left))).isEqualTo(left);
	}

	@Test
	void keepsAParticipantInAFewDozenBytes() {
		assertThat(MembershipSerde.encode(PAID_AHEAD)).hasSizeLessThanOrEqualTo(32);
	}

	@Test
	void programmesAreASetWhateverTheirOrder() {
		Membership decoded = MembershipSerde.decode(MembershipSerde.encode(PAID_AHEAD));

		assertThat(decoded.programs()).isEqualTo(Set.of(Program.JKM, Program.JKK));
	}

}
