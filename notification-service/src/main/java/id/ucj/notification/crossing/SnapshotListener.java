package id.ucj.notification.crossing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import id.ucj.contract.CoverageSnapshot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes each regency's coverage snapshots from the compacted coverage-changes topic, in
 * order per regency.
 */
@Component
class SnapshotListener {

	private final JsonMapper json;

	private final CrossingDetector detector;

	SnapshotListener(JsonMapper json, CrossingDetector detector) {
		this.json = json;
		this.detector = detector;
	}

	@KafkaListener(id = "notification-service", idIsGroup = false, topics = "${ucj.topics.coverage-changes}")
	void onSnapshot(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		CoverageSnapshot snapshot;
		try {
			snapshot = this.json.readValue(record.value(), CoverageSnapshot.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new InvalidSnapshot("Not a coverage snapshot: " + ex.getMessage(), ex);
		}
		this.detector.take(snapshot);
	}

}
