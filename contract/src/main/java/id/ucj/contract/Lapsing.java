package id.ucj.contract;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many of a regency's active participants stop being active in {@code month} (active
 * the month before, not in it) unless more cover is paid, and who paid the last month of
 * their cover.
 */
public record Lapsing(YearMonth month, long total, Map<FundingSource, Long> byFundingSource) {

	public Lapsing {
		Map<FundingSource, Long> ordered = new EnumMap<>(FundingSource.class);
		if (byFundingSource != null) {
			ordered.putAll(byFundingSource);
		}
		byFundingSource = Collections.unmodifiableMap(ordered);
	}

}
