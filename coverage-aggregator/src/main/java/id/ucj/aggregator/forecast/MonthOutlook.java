package id.ucj.aggregator.forecast;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import id.ucj.contract.FundingSource;

/**
 * A regency's participants in one month if nothing more is paid: how many are active, and
 * how many stop being active that month (active the month before, not in it), by who paid
 * the last month of their cover.
 */
public record MonthOutlook(YearMonth month, long active, Map<FundingSource, Long> lapsing) {

	public MonthOutlook {
		Map<FundingSource, Long> ordered = new EnumMap<>(FundingSource.class);
		for (FundingSource source : FundingSource.values()) {
			ordered.put(source, 0L);
		}
		if (lapsing != null) {
			ordered.putAll(lapsing);
		}
		lapsing = Collections.unmodifiableMap(ordered);
	}

	long lapsingTotal() {
		return this.lapsing.values().stream().mapToLong(Long::longValue).sum();
	}

}
