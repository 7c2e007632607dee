package id.ucj.simulator.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

	private static Verdicts.Alert alert(String id, double threshold, String direction, String at) {
		return new Verdicts.Alert(id, "15.01", threshold, direction, "2026-12-06T03:00:" + at + "Z");
	}

	@Test
	void acceptsOneAlertPerCrossing() {
		List<Verdicts.Alert> log = List.of(alert("15.01/0.5/1", 0.5, "REACHED", "01"),
				alert("15.01/0.5/2", 0.5, "FELL_BACK", "02"), alert("15.01/0.5/3", 0.5, "REACHED", "03"));

		assertThat(Verdicts.alerts(log, Map.of("15.01", 0.6), Map.of("15.01", Set.of(0.5, 0.8)))).isEmpty();
	}

	@Test
	void findsAnAlertTwiceAndACrossingAlertedTwice() {
		List<Verdicts.Alert> log = List.of(alert("15.01/0.5/1", 0.5, "REACHED", "01"),
				alert("15.01/0.5/1", 0.5, "REACHED", "01"), alert("15.01/0.5/2", 0.5, "REACHED", "02"));

		assertThat(Verdicts.alerts(log, Map.of("15.01", 0.6), Map.of("15.01", Set.of(0.5))))
			.anyMatch((problem) -> problem.contains("in the log twice"))
			.anyMatch((problem) -> problem.contains("REACHED twice in a row"));
	}

	@Test
	void findsAThresholdReachedWithoutItsAlert() {
		assertThat(Verdicts.alerts(List.of(), Map.of("15.01", 0.85), Map.of("15.01", Set.of(0.5, 0.8, 0.95))))
			.hasSize(2);
	}

	@Test
	void findsCountsLostAndDoubled() {
		Map<String, Model.Expected> expected = Map.of("15.01",
				new Model.Expected("15.01", new int[] { 10 }, new int[] { 10, 8 }));
		Map<String, SystemView.Counts> observed = Map.of("15.01",
				new SystemView.Counts(9, 10, new int[] { 10, 9 }, 100), "15.02",
				new SystemView.Counts(0, 0, new int[] { 0, 0 }, 100));

		Verdicts.CountCheck check = Verdicts.counts(expected, observed, 2);

		assertThat(check.exact()).isFalse();
		assertThat(check.lost()).isEqualTo(1);
		assertThat(check.doubled()).isEqualTo(1);
	}

	@Test
	void findsAnAlertNeverDeliveredAndADeliveryOfNoAlert() {
		assertThat(Verdicts.deliveries(Set.of("a", "b"), List.of("a", "a", "c"))).containsExactlyInAnyOrder(
				"alert b was never delivered", "the webhook got c, which the alert log does not hold");
	}

}
