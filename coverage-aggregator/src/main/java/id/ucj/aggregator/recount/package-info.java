/**
 * The recount command: counts everything again from participant-events, the system of
 * record, into an emptied view, with a progress bar; also the way from a store made by
 * the engine before Kafka Streams.
 */
package id.ucj.aggregator.recount;
