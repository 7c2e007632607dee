package id.ucj.simulator.chaos;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the counts must be, built only from what the system acknowledged (202, or
 * {@code ACCEPTED} in a batch), with the coverage rules written out again, independently
 * of the aggregator: the latest capture ({@code occurredAt}) decides where a participant
 * is registered, if anywhere; a participant is active in month M while M lies in a paid
 * range or in the two months after one; contributions are facts that count whenever they
 * arrive, and the same one twice changes nothing.
 */
final class Model {

	/** Months after a paid range in which a participant is still active. */
	private static final int GRACE_MONTHS = 2;

	private final ZoneId zone;

	private final Map<String, Participant> participants = new HashMap<>();

	/**
	 * @param zone the regencies' time zone (the suite's regencies share one)
	 */
	Model(ZoneId zone) {
		this.zone = zone;
	}

	synchronized void registered(String nik, String regencyCode, Instant occurredAt) {
		Participant participant = participant(nik);
		if (participant.latest == null || occurredAt.isAfter(participant.latest)) {
			participant.latest = occurredAt;
			participant.regencyCode = regencyCode;
			participant.captured = YearMonth.from(occurredAt.atZone(this.zone));
		}
	}

	synchronized void deregistered(String nik, Instant occurredAt) {
		Participant participant = participant(nik);
		if (participant.latest == null || occurredAt.isAfter(participant.latest)) {
			participant.latest = occurredAt;
			participant.regencyCode = null;
			participant.captured = null;
		}
	}

	synchronized void paid(String nik, YearMonth from, YearMonth through) {
		participant(nik).paid.add(new YearMonth[] { from, through });
	}

	private Participant participant(String nik) {
		return this.participants.computeIfAbsent(nik, (key) -> new Participant());
	}

	/** Each regency's expected figures, now and for {@code months} months from now. */
	synchronized Map<String, Expected> expected(YearMonth now, int months) {
		Map<String, Expected> expected = new TreeMap<>();
		for (Participant participant : this.participants.values()) {
			if (participant.regencyCode == null) {
				continue;
			}
			Expected regency = expected.computeIfAbsent(participant.regencyCode,
					(code) -> new Expected(code, new int[1], new int[months]));
			regency.registered[0]++;
			for (int i = 0; i < months; i++) {
				if (participant.activeIn(now.plusMonths(i))) {
					regency.activeByMonth[i]++;
				}
			}
		}
		return expected;
	}

	synchronized int participants() {
		return this.participants.size();
	}

	/**
	 * A regency's expected figures.
	 *
	 * @param registered enrolled and not deregistered, paid or not (one element)
	 * @param activeByMonth active participants from the current month on; the first is
	 * {@code covered}
	 */
	record Expected(String regencyCode, int[] registered, int[] activeByMonth) {

		int covered() {
			return this.activeByMonth[0];
		}

	}

	private static final class Participant {

		private Instant latest;

		private String regencyCode;

		/** The capture month of the registration that counts: its own paid month. */
		private YearMonth captured;

		private final List<YearMonth[]> paid = new ArrayList<>();

		boolean activeIn(YearMonth month) {
			if (within(month, this.captured, this.captured)) {
				return true;
			}
			return this.paid.stream().anyMatch((range) -> within(month, range[0], range[1]));
		}

		private static boolean within(YearMonth month, YearMonth from, YearMonth through) {
			return !month.isBefore(from) && !month.isAfter(through.plusMonths(GRACE_MONTHS));
		}

	}

}
