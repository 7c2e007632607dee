package id.ucj.notification.crossing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;

/**
 * The crossing rules, the same for every threshold T: "reached" when the ratio is at least T and no "reached" is
 * outstanding (also when first seen above T); "fell back" when, after "reached", the ratio drops below T minus
 * the hysteresis. Decimal arithmetic, so that 0.65 - 0.01 is 0.64 and not 0.6400000000000001.
 */
final class Thresholds {

	private Thresholds() {
	}

	record Crossing(double threshold, Direction direction, int number) {
	}

	record Evaluation(List<RegencyWatch.ThresholdState> states, List<Crossing> crossings) {
	}

	static Evaluation evaluate(List<RegencyWatch.ThresholdState> before, CoverageSnapshot snapshot, AlertSettings settings) {
		TreeSet<Double> thresholds = new TreeSet<>(settings.milestones());
		if (snapshot.target() != null) {
			thresholds.add(snapshot.target());
		}
		Map<Double, RegencyWatch.ThresholdState> known = before.stream()
			.collect(Collectors.toMap(RegencyWatch.ThresholdState::threshold, Function.identity(), (a, b) -> a));
		List<RegencyWatch.ThresholdState> after = new ArrayList<>();
		List<Crossing> crossings = new ArrayList<>();
		for (double threshold : thresholds) {
			RegencyWatch.ThresholdState state = known.getOrDefault(threshold,
					new RegencyWatch.ThresholdState(threshold, false, 0));
			Direction crossed = crossing(state, snapshot.coverageRatio(), settings.hysteresis());
			if (crossed != null) {
				state = new RegencyWatch.ThresholdState(threshold, crossed == Direction.REACHED, state.crossings() + 1);
				crossings.add(new Crossing(threshold, crossed, state.crossings()));
			}
			after.add(state);
		}
		return new Evaluation(after, crossings);
	}

	private static Direction crossing(RegencyWatch.ThresholdState state, Double ratio, double hysteresis) {
		if (ratio == null) {
			return null;
		}
		BigDecimal value = BigDecimal.valueOf(ratio);
		BigDecimal threshold = BigDecimal.valueOf(state.threshold());
		if (!state.reached() && value.compareTo(threshold) >= 0) {
			return Direction.REACHED;
		}
		if (state.reached() && value.compareTo(threshold.subtract(BigDecimal.valueOf(hysteresis))) < 0) {
			return Direction.FELL_BACK;
		}
		return null;
	}

}
