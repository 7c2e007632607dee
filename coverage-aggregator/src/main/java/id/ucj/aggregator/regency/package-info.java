/**
 * The regency registry: the official regencies, seeded from the reference data, and the
 * workforce and target that each regency's administrators set.
 */
package id.ucj.aggregator.regency;
