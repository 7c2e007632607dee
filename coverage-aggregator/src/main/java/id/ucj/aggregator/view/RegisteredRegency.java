package id.ucj.aggregator.view;

import java.time.Instant;

/**
 * A regency as its registry knows it: reference data, and what operators set (workforce,
 * target; which client set them, when). {@code version} grows with every change to them.
 */
public record RegisteredRegency(String code, String name, String provinceCode, Long workforce, Double target,
		long version, Instant updatedAt, String targetsSetBy, Instant targetsSetAt) {

}
