package id.ucj.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The table a run ends with. */
final class Summary {

	private final String title;

	private final Instant start;

	private final List<String[]> lines = new ArrayList<>();

	private Summary(String title, Instant start) {
		this.title = title;
		this.start = start;
	}

	static Summary of(String title, Instant start) {
		return new Summary(title, start);
	}

	Summary line(String name, Object value) {
		this.lines.add(new String[] { name,
				(value instanceof Number number) ? String.format("%,d", number.longValue()) : String.valueOf(value) });
		return this;
	}

	void print() {
		Duration took = Duration.between(this.start, Instant.now());
		System.out.printf("%n%s, %d.%01d s%n", this.title, took.toSeconds(), took.toMillisPart() / 100);
		this.lines.forEach((line) -> System.out.printf("  %-34s %s%n", line[0], line[1]));
	}

}
