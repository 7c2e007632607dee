package id.ucj.aggregator.view;

import id.ucj.aggregator.counting.LapseRule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How coverage is counted.
 *
 * @param unpaidMonthsToLapse a participant is non-active from the month in which this
 * many consecutive months are unpaid (BPJS: 3). The counts in MongoDB are made with one
 * value: changing it needs a recount ({@link LapseRules})
 * @param monthCheck how often regencies are checked for a month that turned in their time
 * zone
 */
@Validated
@ConfigurationProperties("ucj.coverage")
public record CoverageSettings(@DefaultValue("3") @Min(1) @Max(12) int unpaidMonthsToLapse,
		@DefaultValue("30s") Duration monthCheck) {

	LapseRule lapseRule() {
		return new LapseRule(this.unpaidMonthsToLapse);
	}

}
