package id.ucj.aggregator.topology;

import id.ucj.contract.ParticipantEvent;

/**
 * A participant event and where it sits in the topic: its position is what makes counting
 * it idempotent.
 */
record CountedEvent(int partition, long offset, ParticipantEvent event) {
}
