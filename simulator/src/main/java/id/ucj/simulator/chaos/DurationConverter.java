package id.ucj.simulator.chaos;

import java.time.Duration;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;

/** {@code 60s}, {@code 5m}, or ISO-8601 ({@code PT60S}). */
final class DurationConverter implements ITypeConverter<Duration> {

	@Override
	public Duration convert(String value) {
		String text = value.trim().toUpperCase(Locale.ROOT);
		return Duration.parse(text.startsWith("P") ? text : "PT" + text);
	}

}
