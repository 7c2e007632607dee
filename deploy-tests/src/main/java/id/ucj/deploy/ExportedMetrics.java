package id.ucj.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric families a service exports, read from its Prometheus scrape, and whether a
 * page documents them: by its exact name (with or without a counter's {@code _total}), or
 * by a family prefix written as {@code `jvm_*`}.
 */
final class ExportedMetrics {

	private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) \\S+$", Pattern.MULTILINE);

	private ExportedMetrics() {
	}

	static Set<String> families(String scrape) {
		Set<String> families = new TreeSet<>();
		Matcher type = TYPE.matcher(scrape);
		while (type.find()) {
			families.add(type.group(1));
		}
		return families;
	}

	static boolean documented(String family, Set<String> spans) {
		String base = family.endsWith("_total") ? family.substring(0, family.length() - "_total".length()) : family;
		if (spans.contains(base) || spans.contains(base + "_total")) {
			return true;
		}
		return spans.stream()
			.filter((span) -> span.endsWith("*"))
			.anyMatch((prefix) -> base.startsWith(prefix.substring(0, prefix.length() - 1)));
	}

}
