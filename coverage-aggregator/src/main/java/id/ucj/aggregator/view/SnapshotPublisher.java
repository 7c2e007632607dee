package id.ucj.aggregator.view;

import id.ucj.aggregator.topology.TopicSettings;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.ucj.aggregator.forecast.Premiums;
import id.ucj.aggregator.topology.SnapshotHeaders;
import id.ucj.contract.CoverageSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the snapshots of changes made outside the counting job (a month turned, a
 * target set, the end of a recount) to the compacted coverage-changes topic, keyed by
 * regency code, and waits for the broker (at least once; consumers drop snapshots whose
 * version is not newer than the last they saw). The counting job publishes its own in its
 * transactions.
 */
@Component
class SnapshotPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final TopicSettings topics;

	private final long premium;

	SnapshotPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, TopicSettings topics, Premiums premiums) {
		this.kafka = kafka;
		this.json = json;
		this.topics = topics;
		this.premium = premiums.forPlans();
	}

	@EventListener
	void publish(CoverageChanged changed) {
		CompletableFuture<?>[] sends = changed.regencies()
			.stream()
			.map((view) -> this.kafka.send(toRecord(view.snapshot(this.premium))))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(sends).join();
	}

	private ProducerRecord<String, byte[]> toRecord(CoverageSnapshot snapshot) {
		return new ProducerRecord<>(this.topics.coverageChanges(), null, snapshot.regencyCode(),
				this.json.writeValueAsBytes(snapshot), SnapshotHeaders.of(snapshot));
	}

}
