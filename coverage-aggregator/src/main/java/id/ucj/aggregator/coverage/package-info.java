/**
 * Counts covered participants per regency, exactly once whatever Kafka redelivers, and
 * publishes and serves each regency's coverage.
 */
package id.ucj.aggregator.coverage;
