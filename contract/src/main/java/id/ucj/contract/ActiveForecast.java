package id.ucj.contract;

import java.time.YearMonth;

/**
 * How many of a regency's participants will still be active in {@code month} if nothing
 * more is paid.
 */
public record ActiveForecast(YearMonth month, long active) {

}
