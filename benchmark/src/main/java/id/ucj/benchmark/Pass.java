package id.ucj.benchmark;

/**
 * Whether a run of an engine is the measured one or the unmeasured pass before it, on
 * topics, state and a database of its own, that leaves the engine's code compiled by the
 * JIT as a running service's is: on two cores the compiler threads otherwise take two
 * thirds of a core through the first million events, and a phase of a few seconds
 * measures mostly them (docs/performance-history.md, change 23).
 */
enum Pass {

	MEASURED(""), WARM_UP("-warm-up");

	private final String suffix;

	Pass(String suffix) {
		this.suffix = suffix;
	}

	/** What the pass adds to the names of its topics, group, state and database. */
	String suffix() {
		return this.suffix;
	}

}
