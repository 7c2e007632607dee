package id.ucj.simulator.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suite's checks, as pure functions of what the model expects and the system says.
 */
final class Verdicts {

	private Verdicts() {
	}

	/**
	 * How the system's counts differ from the model's.
	 *
	 * @param lost participant-counts the system is short of, summed over regencies and
	 * figures
	 * @param doubled participant-counts it has too many of
	 */
	record CountCheck(List<String> differences, long lost, long doubled) {

		boolean exact() {
			return this.differences.isEmpty();
		}

	}

	static CountCheck counts(Map<String, Model.Expected> expected, Map<String, SystemView.Counts> observed,
			int months) {
		List<String> differences = new ArrayList<>();
		long[] lostAndDoubled = new long[2];
		for (Map.Entry<String, SystemView.Counts> entry : new TreeMap<>(observed).entrySet()) {
			Model.Expected want = expected.getOrDefault(entry.getKey(),
					new Model.Expected(entry.getKey(), new int[1], new int[months]));
			SystemView.Counts got = entry.getValue();
			compare(differences, lostAndDoubled, entry.getKey() + " registered", want.registered()[0],
					got.registered());
			compare(differences, lostAndDoubled, entry.getKey() + " covered", want.covered(), got.covered());
			for (int i = 0; i < months; i++) {
				compare(differences, lostAndDoubled, entry.getKey() + " active in month +" + i, want.activeByMonth()[i],
						got.activeByMonth()[i]);
			}
		}
		return new CountCheck(differences, lostAndDoubled[0], lostAndDoubled[1]);
	}

	private static void compare(List<String> differences, long[] lostAndDoubled, String what, int want, int got) {
		if (want != got) {
			differences.add(what + ": expected " + want + ", the system says " + got);
			lostAndDoubled[(got < want) ? 0 : 1] += Math.abs(want - got);
		}
	}

	/**
	 * An alert as the log holds it.
	 *
	 * @param crossedAt ISO-8601, sorts in time order
	 */
	record Alert(String id, String regencyCode, double threshold, String direction, String crossedAt) {
	}

	/**
	 * One alert per crossing: ids are unique; for each regency and threshold, the
	 * crossings alternate, up first; and where a regency ends at or above a threshold,
	 * its last crossing of it was up.
	 * @param finalRatio each regency's coverage ratio at the end
	 * @param thresholds each regency's thresholds (milestones and target)
	 */
	static List<String> alerts(List<Alert> alerts, Map<String, Double> finalRatio,
			Map<String, Set<Double>> thresholds) {
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Map<String, List<Alert>> byCrossing = new HashMap<>();
		for (Alert alert : alerts) {
			if (!ids.add(alert.id())) {
				problems.add("alert " + alert.id() + " is in the log twice");
			}
			String pair = switch (alert.direction()) {
				case "REACHED", "FELL_BACK" -> "target";
				default -> "risk";
			};
			byCrossing
				.computeIfAbsent(alert.regencyCode() + "/" + alert.threshold() + "/" + pair, (key) -> new ArrayList<>())
				.add(alert);
		}
		byCrossing.forEach((key, crossings) -> {
			crossings.sort(Comparator.comparing(Alert::crossedAt).thenComparing(Alert::id));
			for (int i = 1; i < crossings.size(); i++) {
				if (crossings.get(i).direction().equals(crossings.get(i - 1).direction())) {
					problems.add(key + ": " + crossings.get(i).direction() + " twice in a row ("
							+ crossings.get(i - 1).id() + ", " + crossings.get(i).id() + ")");
				}
			}
			if (!crossings.isEmpty() && key.endsWith("/target") && !crossings.get(0).direction().equals("REACHED")) {
				problems.add(key + ": fell back before it was reached (" + crossings.get(0).id() + ")");
			}
		});
		thresholds.forEach((regency, levels) -> {
			for (double threshold : levels) {
				double ratio = finalRatio.getOrDefault(regency, 0.0);
				if (ratio >= threshold) {
					List<Alert> crossings = byCrossing.getOrDefault(regency + "/" + threshold + "/target", List.of());
					if (crossings.isEmpty() || !crossings.get(crossings.size() - 1).direction().equals("REACHED")) {
						problems.add(regency + " ends at " + ratio + ", at or above " + threshold
								+ ", without its crossing up as the last alert of that threshold");
					}
				}
			}
		});
		return problems;
	}

	/**
	 * Each alert of the log reached the webhook, and nothing else did; a delivery
	 * repeated carries the same idempotency key, which is all a receiver needs.
	 * @param delivered the idempotency keys the webhook received, in order
	 */
	static List<String> deliveries(Set<String> alertIds, List<String> delivered) {
		List<String> problems = new ArrayList<>();
		Set<String> received = new HashSet<>(delivered);
		for (String id : alertIds) {
			if (!received.contains(id)) {
				problems.add("alert " + id + " was never delivered");
			}
		}
		for (String key : received) {
			if (!alertIds.contains(key)) {
				problems.add("the webhook got " + key + ", which the alert log does not hold");
			}
		}
		return problems;
	}

}
