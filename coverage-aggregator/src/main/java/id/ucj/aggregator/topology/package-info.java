/**
 * The counting job on Kafka Streams (exactly_once_v2): participants' state in a
 * changelogged store, each input partition's counts per regency, and the regency step
 * that writes the live view and publishes snapshots; the topics the service owns.
 */
package id.ucj.aggregator.topology;
