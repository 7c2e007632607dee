package id.ucj.simulator.chaos;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTest {

	private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	/** 2026-12-06 10:00 WIB. */
	private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	private final Model model = new Model(WIB);

	@Test
	void countsAParticipantWhereTheLatestCaptureRegisteredThemWhateverTheOrderOfArrival() {
		this.model.registered("a", "15.02", T.plusSeconds(10));
		this.model.registered("a", "15.01", T);
		this.model.registered("a", "15.02", T.plusSeconds(10));

		Map<String, Model.Expected> expected = this.model.expected(DECEMBER, 1);

		assertThat(expected).containsOnlyKeys("15.02");
		assertThat(expected.get("15.02").registered()[0]).isEqualTo(1);
		assertThat(expected.get("15.02").covered()).isEqualTo(1);
	}

	@Test
	void countsNobodyWhoseLatestCaptureIsADeregistration() {
		this.model.registered("a", "15.01", T);
		this.model.deregistered("a", T.plusSeconds(20));
		this.model.registered("b", "15.01", T.plusSeconds(30));
		this.model.deregistered("b", T.plusSeconds(5));

		assertThat(this.model.expected(DECEMBER, 1).get("15.01").registered()[0]).isEqualTo(1);
	}

	@Test
	void keepsAParticipantActiveTwoMonthsAfterTheLastPaidMonth() {
		this.model.registered("a", "15.01", T);
		this.model.paid("a", DECEMBER, DECEMBER.plusMonths(2));
		this.model.paid("a", DECEMBER, DECEMBER.plusMonths(2));
		this.model.registered("b", "15.01", T);

		Model.Expected expected = this.model.expected(DECEMBER, 7).get("15.01");

		// a: paid Dec to Feb, active through April; b: paid December only (its capture),
		// active through February.
		assertThat(expected.activeByMonth()).containsExactly(2, 2, 2, 1, 1, 0, 0);
	}

	@Test
	void countsAContributionThatArrivedBeforeItsRegistration() {
		this.model.paid("a", DECEMBER, DECEMBER.plusMonths(5));
		this.model.registered("a", "15.01", T);

		assertThat(this.model.expected(DECEMBER, 8).get("15.01").activeByMonth()).containsExactly(1, 1, 1, 1, 1, 1, 1,
				1);
	}

}
