package id.ucj.aggregator.view;

import id.ucj.aggregator.counting.LapseRule;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The counts in MongoDB are made with one lapse rule, whatever instances are configured
 * with.
 */
class LapseRulesTest {

	@Test
	void theFirstInstanceRecordsItsRuleAndOneConfiguredWithAnotherRefusesToStart() {
		try (CountingFixture store = new CountingFixture()) {
			assertThat(new LapseRules(store.mongo, settings(3)).rule()).isEqualTo(LapseRule.BPJS);
			assertThat(new LapseRules(store.mongo, settings(3)).rule()).as("a second instance, same rule")
				.isEqualTo(LapseRule.BPJS);

			assertThatIllegalStateException().isThrownBy(() -> new LapseRules(store.mongo, settings(4)))
				.withMessageContaining("unpaid-months-to-lapse=3")
				.withMessageContaining("configured with 4");
		}
	}

	@Test
	void anEmptyDatabaseTakesAnyRule() {
		try (CountingFixture store = new CountingFixture()) {
			assertThat(new LapseRules(store.mongo, settings(1)).rule().graceMonths()).isZero();
		}
	}

	private static CoverageSettings settings(int unpaidMonthsToLapse) {
		return new CoverageSettings(unpaidMonthsToLapse, Duration.ofSeconds(30));
	}

}
