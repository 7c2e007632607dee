package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.ParticipantEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes participant events the way enrollment-service does, with a plain Kafka
 * producer; or raw records.
 */
public final class EventProducer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	private final String topic;

	private Future<RecordMetadata> last;

	public EventProducer(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.producer = new KafkaProducer<>(config);
		this.topic = topic;
	}

	public void send(ParticipantEvent event) {
		raw(event.participantId(), event.type().ceType(), JSON.writeValueAsBytes(event));
	}

	public void raw(String key, String ceType, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		if (ceType != null) {
			headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
		}
		headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
		this.last = this.producer.send(new ProducerRecord<>(this.topic, null, key, value, headers));
	}

	/** Waits until the broker has everything sent so far. */
	public void flush() {
		this.producer.flush();
		try {
			if (this.last != null) {
				this.last.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
