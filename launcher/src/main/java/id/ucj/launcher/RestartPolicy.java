package id.ucj.launcher;

import java.time.Duration;

/**
 * When to start a process again that exited on its own, as supervisord and systemd decide
 * it: at once after a run that lasted, later and later after runs that did not, and never
 * again after too many failed starts in a row.
 * <p>
 * A run is <em>short</em> if the process exited before it had been ready for
 * {@link #steady} (supervisord's {@code startsecs}): it could not start, or it crashed as
 * soon as it had. Each short run doubles the delay, from {@link #first} to at most
 * {@link #longest}; a run that lasted starts the count again. After {@link #limit} short
 * runs in a row the process is left stopped: restarting it would only fill its log.
 *
 * @param first the delay after the first crash
 * @param longest the longest delay
 * @param steady how long a process must stay ready for its run to count as one that
 * lasted
 * @param limit short runs in a row after which the process is left stopped
 */
record RestartPolicy(Duration first, Duration longest, Duration steady, int limit) {

	/**
	 * 1 s doubling to 30 s; left stopped after 5 runs in a row shorter than 10 s of
	 * readiness.
	 */
	static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofSeconds(10), 5);

	/**
	 * What to do after a run ended.
	 * @param shortRunsBefore short runs in a row before this one
	 * @param readyFor how long this run was ready before it ended, {@code null} if it
	 * never was
	 */
	Decision after(int shortRunsBefore, Duration readyFor) {
		boolean lasted = readyFor != null && readyFor.compareTo(this.steady) >= 0;
		int shortRuns = lasted ? 0 : shortRunsBefore + 1;
		if (shortRuns >= this.limit) {
			return new GiveUp(shortRuns);
		}
		return new Restart(delay(shortRuns), shortRuns);
	}

	private Duration delay(int shortRuns) {
		Duration delay = this.first;
		for (int i = 1; i < shortRuns && delay.compareTo(this.longest) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.longest) > 0) ? this.longest : delay;
	}

	sealed interface Decision permits Restart, GiveUp {

	}

	/**
	 * Start it again after {@code delay}.
	 *
	 * @param shortRuns short runs in a row, this one included
	 */
	record Restart(Duration delay, int shortRuns) implements Decision {
	}

	/** Leave it stopped: {@code shortRuns} runs in a row were short. */
	record GiveUp(int shortRuns) implements Decision {
	}

}
