package id.ucj.console.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.ucj.contract.Regions;

/**
 * Numbers, money, ratios and months as each language writes them: in Indonesian
 * {@code Rp1.800.000.000}, {@code 65,10%}, {@code Mei 2027}; in English
 * {@code IDR 1,800,000,000}, {@code 65.10%}, {@code May 2027}. Pure: the pages call it
 * with their locale ({@code ${@formats.money(cost, #locale)}}).
 */
@Component("formats")
public class Formats {

	public static final Locale INDONESIAN = Locale.forLanguageTag("id");

	public String number(Long value, Locale locale) {
		return (value == null) ? "–" : pattern("#,##0", locale).format(value);
	}

	public String money(Long rupiah, Locale locale) {
		if (rupiah == null) {
			return "–";
		}
		String amount = pattern("#,##0", locale).format(rupiah);
		return isIndonesian(locale) ? "Rp" + amount : "IDR " + amount;
	}

	/** A ratio as a percentage with two decimals: 0.651 is 65,10% or 65.10%. */
	public String percent(Double ratio, Locale locale) {
		if (ratio == null) {
			return "–";
		}
		return pattern("0.00", locale).format(BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_UP)) + "%";
	}

	public String month(YearMonth month, Locale locale) {
		return (month == null) ? "–" : DateTimeFormatter.ofPattern("MMMM yyyy", language(locale)).format(month);
	}

	/**
	 * A moment in the regency's own time zone, with the zone's short name; a dash for
	 * none (a regency nothing has happened to yet is as of the epoch).
	 */
	public String moment(Instant at, String regencyCode, Locale locale) {
		if (at == null || at.equals(Instant.EPOCH)) {
			return "–";
		}
		ZoneId zone = Optional.ofNullable(regencyCode)
			.flatMap((code) -> Regions.official().zoneOf(code))
			.orElse(ZoneId.of("Asia/Jakarta"));
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language(locale))
			.withZone(zone)
			.format(at) + " " + zoneName(zone);
	}

	/** WIB, WITA or WIT, as Indonesians name their zones. */
	static String zoneName(ZoneId zone) {
		return switch (zone.getId()) {
			case "Asia/Makassar" -> "WITA";
			case "Asia/Jayapura" -> "WIT";
			default -> "WIB";
		};
	}

	/** A ratio as a percentage for an input field: 0.65 is 65 (65,1 in Indonesian). */
	public String percentInput(Double ratio, Locale locale) {
		if (ratio == null) {
			return "";
		}
		return pattern("0.##", locale).format(BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_UP));
	}

	private static boolean isIndonesian(Locale locale) {
		return locale == null || "id".equals(locale.getLanguage()) || "in".equals(locale.getLanguage());
	}

	private static Locale language(Locale locale) {
		return isIndonesian(locale) ? INDONESIAN : Locale.ENGLISH;
	}

	private static DecimalFormat pattern(String pattern, Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
		if (isIndonesian(locale)) {
			symbols.setGroupingSeparator('.');
			symbols.setDecimalSeparator(',');
		}
		return new DecimalFormat(pattern, symbols);
	}

}
