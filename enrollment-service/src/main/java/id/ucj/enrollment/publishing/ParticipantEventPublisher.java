package id.ucj.enrollment.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
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
 * Sends participant events keyed by participantId, so that one participant's events stay
 * in order, in the CloudEvents Kafka binary mode. Returns only once the broker has
 * acknowledged all of them (acks=all). Every way a publish can wait is bounded:
 * {@code max.block.ms} (metadata, a full buffer), the producer's delivery timeout, and
 * this class's own wait (the delivery timeout and a second), which also covers a producer
 * stuck before it sends (a controller that does not allocate producer ids). A sick broker
 * gets a 503 as a dead one does. A record sent after its request got a 503 is harmless:
 * the client retries, and the event id derives from the content, so the aggregator counts
 * it once.
 */
@Component
public class ParticipantEventPublisher {

	static final String SOURCE = "/ucj/enrollment-service";

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final TopicSettings topics;

	private final Timer published;

	private final Timer failed;

	private final MeterRegistry meters;

	private final Duration wait;

	ParticipantEventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, TopicSettings topics,
			MeterRegistry meters) {
		this.kafka = kafka;
		this.wait = deliveryTimeout(kafka).plusSeconds(1);
		this.json = json;
		this.topics = topics;
		this.meters = meters;
		Timer.Builder publish = Timer.builder("ucj.enrollment.publish")
			.description("Time from handing an event to the producer until the broker acknowledged it")
			.publishPercentileHistogram();
		this.published = publish.tag("outcome", "success").register(meters);
		this.failed = publish.tag("outcome", "failure").register(meters);
	}

	/**
	 * Publishes all events, submitted by the named client, or throws
	 * {@link EventsNotPublished} if any was not acknowledged in time.
	 */
	public void publish(List<? extends ParticipantEvent> events, String client) {
		CompletableFuture<?>[] sends = events.stream()
			.map((event) -> send(event, client))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new EventsNotPublished(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new EventsNotPublished(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventsNotPublished(ex);
		}
	}

	private CompletableFuture<?> send(ParticipantEvent event, String client) {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			return this.kafka.send(toRecord(event, client))
				.whenComplete((result, failure) -> sample.stop((failure == null) ? this.published : this.failed));
		}
		catch (RuntimeException ex) {
			// The producer can fail before it queues the record, for example when no
			// broker answers for metadata.
			sample.stop(this.failed);
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static Duration deliveryTimeout(KafkaTemplate<String, byte[]> kafka) {
		Object configured = kafka.getProducerFactory()
			.getConfigurationProperties()
			.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		return Duration.ofMillis((configured != null) ? Long.parseLong(configured.toString()) : 120_000);
	}

	private ProducerRecord<String, byte[]> toRecord(ParticipantEvent event, String client) {
		RecordHeaders headers = new RecordHeaders();
		CloudEventHeaders
			.of(event.eventId().toString(), event.type(), SOURCE, event.occurredAt(), event.participantId(), client)
			.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		return new ProducerRecord<>(this.topics.participantEvents(), null, event.participantId(),
				this.json.writeValueAsBytes(event), headers);
	}

}
