/**
 * The counting job on Kafka Streams: participants' state in a changelogged store,
 * per-partition counts per regency, and the regency step that writes the live view;
 * growing beside the listener-based engine until it replaces it.
 */
package id.ucj.aggregator.topology;
