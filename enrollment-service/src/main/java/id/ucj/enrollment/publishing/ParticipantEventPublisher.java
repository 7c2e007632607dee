package id.ucj.enrollment.publishing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.ParticipantEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends participant events keyed by participantId, so that one participant's events stay in order, in the
 * CloudEvents Kafka binary mode. Returns only once the broker has acknowledged all of them (acks=all); the
 * producer's delivery timeout bounds the wait, and a record it gives up on is never sent afterwards.
 */
@Component
public class ParticipantEventPublisher {

	static final String SOURCE = "/ucj/enrollment-service";

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final TopicSettings topics;

	private final Timer.Builder publishTimer;

	private final MeterRegistry meters;

	ParticipantEventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, TopicSettings topics,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.json = json;
		this.topics = topics;
		this.meters = meters;
		this.publishTimer = Timer.builder("ucj.enrollment.publish")
			.description("Time from handing an event to the producer until the broker acknowledged it")
			.publishPercentileHistogram();
	}

	/** Publishes all events, or throws {@link EventsNotPublished} if any was not acknowledged. */
	public void publish(List<? extends ParticipantEvent> events) {
		CompletableFuture<?>[] sends = events.stream().map(this::send).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).join();
		}
		catch (CompletionException ex) {
			throw new EventsNotPublished(ex.getCause());
		}
	}

	private CompletableFuture<?> send(ParticipantEvent event) {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			return this.kafka.send(toRecord(event))
				.whenComplete((result, failure) -> sample.stop(this.publishTimer
					.tag("outcome", (failure == null) ? "success" : "failure")
					.register(this.meters)));
		}
		catch (RuntimeException ex) {
			// The producer can fail before it queues the record, for example when no broker answers for metadata.
			sample.stop(this.publishTimer.tag("outcome", "failure").register(this.meters));
			return CompletableFuture.failedFuture(ex);
		}
	}

	private ProducerRecord<String, byte[]> toRecord(ParticipantEvent event) {
		RecordHeaders headers = new RecordHeaders();
		CloudEventHeaders.of(event.eventId().toString(), event.type(), SOURCE, event.occurredAt(), event.participantId())
			.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		return new ProducerRecord<>(this.topics.participantEvents(), null, event.participantId(),
				this.json.writeValueAsBytes(event), headers);
	}

}
