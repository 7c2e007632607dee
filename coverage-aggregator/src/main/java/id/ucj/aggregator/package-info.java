/**
 * Keeps live, exact coverage per regency in MongoDB from the participant events, whatever
 * Kafka redelivers.
 */
package id.ucj.aggregator;
