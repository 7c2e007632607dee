package id.ucj.aggregator.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the job's small values: per-regency counts, a few hundred per partition, never
 * per participant.
 */
final class JsonSerdes {

	private JsonSerdes() {
	}

	static <T> Serde<T> of(JsonMapper json, Class<T> type) {
		return Serdes.serdeFrom(
				(Serializer<T>) (topic, value) -> (value != null) ? json.writeValueAsBytes(value) : null,
				(Deserializer<T>) (topic, bytes) -> (bytes != null) ? json.readValue(bytes, type) : null);
	}

}
