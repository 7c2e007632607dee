package id.ucj.aggregator.counting;

/**
 * When unpaid cover stops counting: a participant is non-active from the month in which
 * their {@code unpaidMonthsToLapse}-th consecutive unpaid month begins (BPJS
 * Ketenagakerjaan: the third), so they stay active for {@link #graceMonths()} months
 * after their paid cover ends.
 */
public record LapseRule(int unpaidMonthsToLapse) {

	/** BPJS Ketenagakerjaan's rule: non-active after three consecutive unpaid months. */
	public static final LapseRule BPJS = new LapseRule(3);

	public LapseRule {
		if (unpaidMonthsToLapse < 1) {
			throw new IllegalArgumentException("unpaidMonthsToLapse must be at least 1, not " + unpaidMonthsToLapse);
		}
	}

	/** Unpaid months a participant is still active after the last paid one. */
	public int graceMonths() {
		return this.unpaidMonthsToLapse - 1;
	}

}
