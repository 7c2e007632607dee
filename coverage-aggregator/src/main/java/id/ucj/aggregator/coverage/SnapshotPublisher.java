package id.ucj.aggregator.coverage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.ucj.aggregator.forecast.Premiums;
import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.EventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes regencies' coverage snapshots to the compacted coverage-changes topic, keyed
 * by regency code, and waits for the broker: a batch is committed only once its snapshots
 * are out (at least once; consumers drop snapshots whose version is not newer than the
 * last they saw).
 */
@Component
class SnapshotPublisher {

	static final String SOURCE = "/ucj/coverage-aggregator";

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
		RecordHeaders headers = new RecordHeaders();
		String id = UUID
			.nameUUIDFromBytes((snapshot.regencyCode() + "|" + snapshot.version()).getBytes(StandardCharsets.UTF_8))
			.toString();
		CloudEventHeaders.of(id, EventType.COVERAGE_CHANGED, SOURCE, snapshot.asOf(), snapshot.regencyCode())
			.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		return new ProducerRecord<>(this.topics.coverageChanges(), null, snapshot.regencyCode(),
				this.json.writeValueAsBytes(snapshot), headers);
	}

}
