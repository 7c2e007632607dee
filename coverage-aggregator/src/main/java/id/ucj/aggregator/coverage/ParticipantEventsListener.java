package id.ucj.aggregator.coverage;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import id.ucj.aggregator.topology.EventParser;
import id.ucj.aggregator.topology.InvalidEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes participant events in batches. A record that is not a valid event stops the
 * batch at that record: the records before it are counted, it goes to the dead-letter
 * topic, and the rest follow in the next delivery (see {@link KafkaConfiguration}).
 */
@Component
@ConditionalOnProperty(name = "ucj.counting.engine", havingValue = "listener", matchIfMissing = true)
class ParticipantEventsListener {

	private final EventParser parser;

	private final Counting counting;

	private final CoverageStore store;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final DistributionSummary batchSize;

	private final Timer batchTime;

	ParticipantEventsListener(JsonMapper json, Counting counting, CoverageStore store, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.parser = new EventParser(json);
		this.counting = counting;
		this.store = store;
		this.events = events;
		this.meters = meters;
		this.batchSize = DistributionSummary.builder("ucj.aggregator.batch.size")
			.description("Records per batch taken from participant-events")
			.publishPercentileHistogram()
			.register(meters);
		this.batchTime = Timer.builder("ucj.aggregator.batch")
			.description("Time to count a batch and publish its snapshots")
			.publishPercentileHistogram()
			.register(meters);
	}

	@KafkaListener(id = "coverage-aggregator", idIsGroup = false, topics = "${ucj.topics.participant-events}",
			batch = "true")
	void onEvents(List<ConsumerRecord<String, byte[]>> records) {
		this.batchSize.record(records.size());
		this.batchTime.record(() -> {
			List<CountedEvent> events = new ArrayList<>(records.size());
			for (int index = 0; index < records.size(); index++) {
				try {
					ConsumerRecord<String, byte[]> record = records.get(index);
					events.add(new CountedEvent(record.partition(), record.offset(),
							this.parser.read(record.headers(), record.key(), record.value())));
				}
				catch (InvalidEvent invalid) {
					countAndPublish(events);
					throw new BatchListenerFailedException(invalid.getMessage(), invalid, index);
				}
			}
			countAndPublish(events);
		});
	}

	private void countAndPublish(List<CountedEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Counting.Result result = this.counting.count(events);
		result.outcomes()
			.forEach((outcome, count) -> Counter.builder("ucj.aggregator.events")
				.description("Participant events processed, by outcome")
				.tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
				.register(this.meters)
				.increment(count));
		this.events.publishEvent(new CoverageChanged(this.store.regencies(result.counters())));
	}

}
