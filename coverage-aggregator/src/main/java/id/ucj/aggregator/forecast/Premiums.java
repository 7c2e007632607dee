package id.ucj.aggregator.forecast;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Monthly premiums, in whole rupiah per worker, by segment and programme set, and the one
 * forecasts and plans are priced with ({@code plan}). Default (application.yml): BPU, JKK
 * + JKM, Rp 16,800 at the lowest declared-income band (Rp 1,000,000: JKK 1% = Rp 10,000,
 * JKM Rp 6,800; PP 44/2015 as amended by PP 82/2019).
 */
@Validated
@ConfigurationProperties("ucj.premiums")
public record Premiums(@NotEmpty List<@Valid Premium> monthly, @NotNull @Valid PlanPremium plan) {

	/** What one worker's cover costs a month, for a segment and a set of programmes. */
	public record Premium(@NotNull Segment segment, @NotEmpty Set<Program> programs,
			@Positive @Max(10_000_000) long rupiah) {
	}

	/** Which premium the forecasts and plans are priced with. */
	public record PlanPremium(@NotNull Segment segment, @NotEmpty Set<Program> programs) {
	}

	public Premiums {
		monthly = (monthly != null) ? List.copyOf(monthly) : List.of();
		if (plan != null && monthly.stream().noneMatch((premium) -> matches(premium, plan))) {
			throw new IllegalArgumentException("ucj.premiums.plan (" + plan.segment() + " " + plan.programs()
					+ ") names no premium of ucj.premiums.monthly");
		}
	}

	/** Rupiah per worker-month that forecasts and plans cost with. */
	public long forPlans() {
		return this.monthly.stream()
			.filter((premium) -> matches(premium, this.plan))
			.findFirst()
			.orElseThrow()
			.rupiah();
	}

	private static boolean matches(Premium premium, PlanPremium plan) {
		return premium.segment() == plan.segment() && premium.programs().equals(plan.programs());
	}

}
