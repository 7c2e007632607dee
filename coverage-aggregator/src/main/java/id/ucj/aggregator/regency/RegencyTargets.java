package id.ucj.aggregator.regency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * What a regency's administrators set.
 *
 * @param workforce workers in the regency: the denominator of its coverage; at most 50
 * million (Indonesia's whole workforce is about 150 million), which keeps every cost
 * computed from it far inside a {@code long} of rupiah
 * @param target the coverage ratio it aims for, in (0, 1]
 */
record RegencyTargets(@NotNull @Positive @Max(50_000_000) Long workforce,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double target) {
}
