package id.ucj.notification.crossing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;

/**
 * The crossing rules, the same for every threshold T: "reached" when the ratio is at
 * least T and no "reached" is outstanding (also when first seen above T); "fell back"
 * when, after "reached", the ratio drops below T minus the hysteresis; and, with
 * {@link Risks}, whether a forecast puts it at risk. Decimal arithmetic, so that 0.65 -
 * 0.01 is 0.64 and not 0.6400000000000001.
 */
final class Thresholds {

	private Thresholds() {
	}

	record Crossing(double threshold, Direction direction, int number) {
	}

	record Evaluation(List<RegencyWatch.ThresholdState> states, List<Crossing> crossings,
			List<Risks.RiskChange> risks) {

		/**
		 * Whether taking the snapshot changes anything against the states it was
		 * evaluated on: an alert to record, or a threshold's state to keep.
		 */
		boolean changes(List<RegencyWatch.ThresholdState> before) {
			return !this.crossings.isEmpty() || !this.risks.isEmpty() || !this.states.equals(before);
		}

	}

	static Evaluation evaluate(List<RegencyWatch.ThresholdState> before, CoverageSnapshot snapshot,
			AlertSettings settings) {
		TreeSet<Double> thresholds = new TreeSet<>(settings.milestones());
		if (snapshot.target() != null) {
			thresholds.add(snapshot.target());
		}
		Map<Double, RegencyWatch.ThresholdState> known = before.stream()
			.collect(Collectors.toMap(RegencyWatch.ThresholdState::threshold, Function.identity(), (a, b) -> a));
		List<RegencyWatch.ThresholdState> after = new ArrayList<>();
		List<Crossing> crossings = new ArrayList<>();
		List<Risks.RiskChange> risks = new ArrayList<>();
		for (double threshold : thresholds) {
			RegencyWatch.ThresholdState state = known.getOrDefault(threshold,
					new RegencyWatch.ThresholdState(threshold, false, 0, null));
			Direction crossed = crossing(state, snapshot.coverageRatio(), settings.hysteresis());
			if (crossed != null) {
				state = new RegencyWatch.ThresholdState(threshold, crossed == Direction.REACHED, state.crossings() + 1,
						state.riskMonth());
				crossings.add(new Crossing(threshold, crossed, state.crossings()));
			}
			Risks.Outcome risk = Risks.evaluate(threshold,
					(state.riskMonth() != null) ? YearMonth.parse(state.riskMonth()) : null, snapshot,
					settings.riskHorizon());
			if (risk.change() != null) {
				risks.add(risk.change());
			}
			after.add(new RegencyWatch.ThresholdState(threshold, state.reached(), state.crossings(),
					(risk.riskMonth() != null) ? risk.riskMonth().toString() : null));
		}
		return new Evaluation(after, crossings, risks);
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
