package id.ucj.aggregator.topology;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A task's counts of one regency in the task-counts store and its changelog. The counting
 * step writes them for every event it counts, so they are binary rather than JSON (JSON
 * there took a quarter of the counting thread: docs/performance-history.md, change 19).
 * Layout (version 1): a version byte, a flags byte (forwarded, has a last event time),
 * the offset, the last event time as seconds and nanoseconds, then the counters
 * ({@link BinaryCounts}). A value starting with {@code &#123;} is the JSON the job wrote
 * before, read as it was.
 */
final class TaskCountsSerde {

	private static final int FORWARDED = 1;

	private static final int HAS_LAST_EVENT = 2;

	private TaskCountsSerde() {
	}

	static Serde<TaskCounts> serde(JsonMapper json) {
		return Serdes.serdeFrom((Serializer<TaskCounts>) (topic, counts) -> (counts != null) ? encode(counts) : null,
				(Deserializer<TaskCounts>) (topic, bytes) -> (bytes != null) ? decode(bytes, json) : null);
	}

	static byte[] encode(TaskCounts counts) {
		byte[][] names = BinaryCounts.names(counts.counts());
		ByteBuffer out = ByteBuffer.allocate(1 + 1 + 8 + 12 + BinaryCounts.size(names));
		int flags = (counts.forwarded() ? FORWARDED : 0) | ((counts.lastEventAt() != null) ? HAS_LAST_EVENT : 0);
		out.put(BinaryCounts.VERSION).put((byte) flags).putLong(counts.offset());
		if (counts.lastEventAt() != null) {
			BinaryCounts.write(out, counts.lastEventAt());
		}
		BinaryCounts.write(out, names, counts.counts());
		return BinaryCounts.bytes(out);
	}

	static TaskCounts decode(byte[] bytes, JsonMapper json) {
		if (BinaryCounts.isJson(bytes)) {
			return json.readValue(bytes, TaskCounts.class);
		}
		ByteBuffer in = BinaryCounts.versioned(bytes, "Task counts");
		int flags = in.get();
		long offset = in.getLong();
		Instant lastEventAt = ((flags & HAS_LAST_EVENT) != 0) ? BinaryCounts.instant(in) : null;
		return new TaskCounts(offset, lastEventAt, BinaryCounts.read(in), (flags & FORWARDED) != 0);
	}

}
