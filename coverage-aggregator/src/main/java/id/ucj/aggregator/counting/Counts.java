package id.ucj.aggregator.counting;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * Named counters of one regency, as stored and as added up: {@code registered},
 * {@code program_JKK}, {@code segment_BPU}, {@code funding_APBD} (of registered
 * participants), the churn counters, and the month counters of effective coverage:
 * {@code active+@2024-11|BPU|APBD} (active stretches starting that month),
 * {@code active-@2025-03|BPU|APBD} (stretches over from that month, by segment and by who
 * paid their last month), {@code protected+@2024-11} and {@code protected-@2025-01} (paid
 * months). Zero counters are left out.
 */
public final class Counts {

	public static final String REGISTERED = "registered";

	/**
	 * What {@link #REGISTERED} was stored as before effective coverage: read as
	 * registered.
	 */
	private static final String LEGACY_REGISTERED = "covered";

	public static final String ACTIVE_FROM = "active+@";

	public static final String ACTIVE_UNTIL = "active-@";

	public static final String PROTECTED_FROM = "protected+@";

	public static final String PROTECTED_UNTIL = "protected-@";

	public static final String REGISTRATIONS = "registrations";

	public static final String DEREGISTRATIONS = "deregistrations";

	public static final String MOVED_IN = "movedIn";

	public static final String MOVED_OUT = "movedOut";

	/**
	 * Unordered: the month counters share long prefixes, which made every lookup in a
	 * sorted map compare them character by character (docs/performance-history.md, change
	 * 22).
	 */
	private final Map<String, Long> values = new HashMap<>();

	public static Counts of(Map<String, ? extends Number> values) {
		Counts counts = new Counts();
		values.forEach(
				(name, value) -> counts.add(LEGACY_REGISTERED.equals(name) ? REGISTERED : name, value.longValue()));
		return counts;
	}

	public static String activeFrom(YearMonth month, Segment segment, FundingSource funding) {
		return MonthNames.of(month).activeFrom[segment.ordinal()][funding.ordinal()];
	}

	public static String activeUntil(YearMonth month, Segment segment, FundingSource funding) {
		return MonthNames.of(month).activeUntil[segment.ordinal()][funding.ordinal()];
	}

	public static String protectedFrom(YearMonth month) {
		return MonthNames.of(month).protectedFrom;
	}

	public static String protectedUntil(YearMonth month) {
		return MonthNames.of(month).protectedUntil;
	}

	public static String program(Program program) {
		return PROGRAM_NAMES.get(program);
	}

	public static String segment(Segment segment) {
		return SEGMENT_NAMES.get(segment);
	}

	public static String funding(FundingSource source) {
		return FUNDING_NAMES.get(source);
	}

	private static final Map<Program, String> PROGRAM_NAMES = names(Program.class, "program_");

	private static final Map<Segment, String> SEGMENT_NAMES = names(Segment.class, "segment_");

	private static final Map<FundingSource, String> FUNDING_NAMES = names(FundingSource.class, "funding_");

	private static <E extends Enum<E>> Map<E, String> names(Class<E> type, String prefix) {
		Map<E, String> names = new EnumMap<>(type);
		for (E value : type.getEnumConstants()) {
			names.put(value, prefix + value.name());
		}
		return names;
	}

	/**
	 * One month's counter names, built once: every event names a few of them, which were
	 * built and hashed anew each time before (docs/performance-history.md, change 27).
	 * Months of the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} are kept, any other
	 * is built when asked.
	 */
	private record MonthNames(String[][] activeFrom, String[][] activeUntil, String protectedFrom,
			String protectedUntil) {

		private static final int FIRST_YEAR = 1990;

		private static final int LAST_YEAR = 2150;

		private static final Map<YearMonth, MonthNames> KEPT = new ConcurrentHashMap<>();

		static MonthNames of(YearMonth month) {
			return (month.getYear() >= FIRST_YEAR && month.getYear() <= LAST_YEAR)
					? KEPT.computeIfAbsent(month, MonthNames::build) : build(month);
		}

		private static MonthNames build(YearMonth month) {
			Segment[] segments = Segment.values();
			FundingSource[] fundings = FundingSource.values();
			String[][] from = new String[segments.length][fundings.length];
			String[][] until = new String[segments.length][fundings.length];
			for (Segment segment : segments) {
				for (FundingSource funding : fundings) {
					String suffix = month + "|" + segment.name() + "|" + funding.name();
					from[segment.ordinal()][funding.ordinal()] = ACTIVE_FROM + suffix;
					until[segment.ordinal()][funding.ordinal()] = ACTIVE_UNTIL + suffix;
				}
			}
			return new MonthNames(from, until, PROTECTED_FROM + month, PROTECTED_UNTIL + month);
		}

	}

	public Counts add(String name, long amount) {
		// One lookup: a sum of zero removes the counter.
		this.values.compute(name, (key, value) -> {
			long sum = (value != null) ? value + amount : amount;
			return (sum != 0) ? sum : null;
		});
		return this;
	}

	public Counts add(Counts other) {
		other.values.forEach(this::add);
		return this;
	}

	public long get(String name) {
		return this.values.getOrDefault(name, 0L);
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	public Map<String, Long> asMap() {
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
		return new TreeMap<>(this.values).toString();
	}

}
