package id.ucj.notification.crossing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Which crossings alert.
 *
 * @param milestones ratios that apply to every regency, besides its own target
 * @param hysteresis how far below a reached threshold the ratio must drop before "fell
 * back" alerts
 * @param riskHorizon how many coming months a forecast fall below a threshold makes a
 * regency "at risk"
 */
@Validated
@ConfigurationProperties("ucj.alerts")
record AlertSettings(@DefaultValue( {
		"0.50", "0.80",
		"0.95" }) @NotNull List<@NotNull @DecimalMin(value = "0",
				inclusive = false) @DecimalMax("1") Double> milestones,
		@DefaultValue("0.01") @DecimalMin("0") @DecimalMax("0.5") double hysteresis,
		@DefaultValue("2") @Min(1) @Max(12) int riskHorizon){
}
