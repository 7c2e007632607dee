package id.ucj.aggregator.coverage;

import java.util.Map;
import java.util.TreeMap;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * Named counters of one regency, as stored and as added up: {@code covered}, {@code program_JKK},
 * {@code segment_BPU}, {@code funding_APBD}, and the churn counters. Zero counters are left out.
 */
final class Counts {

	static final String COVERED = "covered";

	static final String REGISTRATIONS = "registrations";

	static final String DEREGISTRATIONS = "deregistrations";

	static final String MOVED_IN = "movedIn";

	static final String MOVED_OUT = "movedOut";

	private final Map<String, Long> values = new TreeMap<>();

	static Counts of(Map<String, ? extends Number> values) {
		Counts counts = new Counts();
		values.forEach((name, value) -> counts.add(name, value.longValue()));
		return counts;
	}

	static String program(Program program) {
		return "program_" + program.name();
	}

	static String segment(Segment segment) {
		return "segment_" + segment.name();
	}

	static String funding(FundingSource source) {
		return "funding_" + source.name();
	}

	Counts add(String name, long amount) {
		this.values.merge(name, amount, Long::sum);
		if (this.values.get(name) == 0) {
			this.values.remove(name);
		}
		return this;
	}

	Counts add(Counts other) {
		other.values.forEach(this::add);
		return this;
	}

	long get(String name) {
		return this.values.getOrDefault(name, 0L);
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	Map<String, Long> asMap() {
		return java.util.Collections.unmodifiableMap(this.values);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Counts counts && counts.values.equals(this.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
