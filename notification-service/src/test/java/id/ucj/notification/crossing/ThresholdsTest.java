package id.ucj.notification.crossing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;
import id.ucj.testsupport.CoverageSnapshots;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTest {

	final AlertSettings settings = new AlertSettings(List.of(0.5, 0.8, 0.95), 0.01, 2);

	List<RegencyWatch.ThresholdState> states = List.of();

	@Test
	void reachesOnceRisingThroughTargetAndMilestones() {
		List<Thresholds.Crossing> crossings = new ArrayList<>();
		for (double ratio = 0.43; ratio <= 0.66; ratio += 0.01) {
			crossings.addAll(take(ratio));
		}

		assertThat(crossings).containsExactly(new Thresholds.Crossing(0.5, Direction.REACHED, 1),
				new Thresholds.Crossing(0.65, Direction.REACHED, 1));
	}

	@Test
	void fallsBackOnlyBelowTheHysteresisAndReachesAgain() {
		take(0.66);

		assertThat(take(0.645)).isEmpty();
		assertThat(take(0.64)).isEmpty();
		assertThat(take(0.63)).containsExactly(new Thresholds.Crossing(0.65, Direction.FELL_BACK, 2));
		assertThat(take(0.64)).isEmpty();
		assertThat(take(0.65)).containsExactly(new Thresholds.Crossing(0.65, Direction.REACHED, 3));
	}

	@Test
	void reachesAtOnceWhenFirstSeenAboveAThreshold() {
		assertThat(take(0.83)).extracting(Thresholds.Crossing::threshold).containsExactly(0.5, 0.65, 0.8);
	}

	@Test
	void saysNothingWithoutARatio() {
		assertThat(Thresholds.evaluate(List.of(), snapshot(null, 0.65), this.settings).crossings()).isEmpty();
	}

	@Test
	void evaluatesANewTargetAtOnce() {
		take(0.66);

		List<Thresholds.Crossing> crossings = Thresholds.evaluate(this.states, snapshot(0.66, 0.6), this.settings)
			.crossings();

		assertThat(crossings).containsExactly(new Thresholds.Crossing(0.6, Direction.REACHED, 1));
	}

	@Test
	void saysWhetherASnapshotChangesAnything() {
		List<RegencyWatch.ThresholdState> first = this.states;
		assertThat(Thresholds.evaluate(first, snapshot(0.43, 0.65), this.settings).changes(first))
			.as("the first snapshot keeps its thresholds' states")
			.isTrue();
		take(0.43);

		List<RegencyWatch.ThresholdState> below = this.states;
		assertThat(Thresholds.evaluate(below, snapshot(0.44, 0.65), this.settings).changes(below))
			.as("still below every threshold")
			.isFalse();
		assertThat(Thresholds.evaluate(below, snapshot(0.51, 0.65), this.settings).changes(below)).as("crosses 50%")
			.isTrue();
		assertThat(Thresholds.evaluate(below, snapshot(0.44, 0.6), this.settings).changes(below))
			.as("a new target to watch")
			.isTrue();
	}

	private List<Thresholds.Crossing> take(double ratio) {
		Thresholds.Evaluation evaluation = Thresholds.evaluate(this.states,
				snapshot(Math.round(ratio * 1000) / 1000.0, 0.65), this.settings);
		this.states = evaluation.states();
		return evaluation.crossings();
	}

	static CoverageSnapshot snapshot(Double ratio, double target) {
		return CoverageSnapshots.sarolangun().workforce(112_000).coverageRatio(ratio).target(target).build();
	}

}
