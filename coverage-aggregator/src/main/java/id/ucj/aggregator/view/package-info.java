/**
 * The live view in MongoDB: each regency's counters as the counting job writes them
 * (idempotent and monotonic, by the version of the job's state), read joined with the
 * regency register, published as snapshots, and shown as per-regency gauges. One document
 * per regency; nothing per participant.
 */
package id.ucj.aggregator.view;
