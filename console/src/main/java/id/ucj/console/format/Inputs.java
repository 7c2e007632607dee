package id.ucj.console.format;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What administrators type, read the way they write it: a percentage as {@code 65},
 * {@code 65,1} or {@code 65.1} (with or without {@code %}), rupiah as
 * {@code 1.800.000.000}, {@code 1,800,000,000}, {@code Rp 1800000000}, a month as
 * {@code 2027-12}. Each gives empty for what it cannot read, so that the page names the
 * field; none throws.
 */
public final class Inputs {

	private static final Pattern PERCENT = Pattern.compile("\\d{1,3}([.,]\\d{1,4})?");

	private static final Pattern RUPIAH = Pattern.compile("\\d{1,3}([.,\\s]?\\d{3})*|\\d+");

	private Inputs() {
	}

	/** A percentage as a ratio: "65,1" is 0.651. */
	public static Optional<Double> percent(String text) {
		String value = clean(text).replace("%", "").strip();
		if (!PERCENT.matcher(value).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(value.replace(',', '.')).movePointLeft(2).doubleValue());
	}

	/** Whole rupiah: separators and an {@code Rp} or {@code IDR} prefix are allowed. */
	public static Optional<Long> rupiah(String text) {
		String value = clean(text).replaceFirst("(?i)^(rp\\.?|idr)", "").strip();
		if (value.length() > 24 || !RUPIAH.matcher(value).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(value.replaceAll("[.,\\s]", "")));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** A whole number such as a workforce: separators allowed. */
	public static Optional<Long> whole(String text) {
		return rupiah(text).filter((value) -> !clean(text).toLowerCase(java.util.Locale.ROOT).startsWith("rp"));
	}

	public static Optional<YearMonth> month(String text) {
		try {
			return Optional.of(YearMonth.parse(clean(text).strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** Whether nothing was typed. */
	public static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String clean(String text) {
		return (text == null) ? "" : text.replace('\u00a0', ' ');
	}

}
