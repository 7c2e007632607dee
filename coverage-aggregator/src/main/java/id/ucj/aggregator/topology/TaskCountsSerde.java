package id.ucj.aggregator.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
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
 * the offset, the last event time as seconds and nanoseconds, then the counters: a count,
 * and for each its name (UTF-8, length first) and value. A value starting with
 * {@code &#123;} is the JSON the job wrote before, read as it was.
 */
final class TaskCountsSerde {

	private static final byte VERSION = 1;

	private static final int FORWARDED = 1;

	private static final int HAS_LAST_EVENT = 2;

	private TaskCountsSerde() {
	}

	static Serde<TaskCounts> serde(JsonMapper json) {
		return Serdes.serdeFrom((Serializer<TaskCounts>) (topic, counts) -> (counts != null) ? encode(counts) : null,
				(Deserializer<TaskCounts>) (topic, bytes) -> (bytes != null) ? decode(bytes, json) : null);
	}

	static byte[] encode(TaskCounts counts) {
		int size = 1 + 1 + 8 + 12 + 4;
		byte[][] names = new byte[counts.counts().size()][];
		int i = 0;
		for (String name : counts.counts().keySet()) {
			names[i] = name.getBytes(StandardCharsets.UTF_8);
			size += 2 + names[i].length + 8;
			i++;
		}
		ByteBuffer out = ByteBuffer.allocate(size);
		int flags = (counts.forwarded() ? FORWARDED : 0) | ((counts.lastEventAt() != null) ? HAS_LAST_EVENT : 0);
		out.put(VERSION).put((byte) flags).putLong(counts.offset());
		if (counts.lastEventAt() != null) {
			out.putLong(counts.lastEventAt().getEpochSecond()).putInt(counts.lastEventAt().getNano());
		}
		out.putInt(names.length);
		i = 0;
		for (long value : counts.counts().values()) {
			out.putShort((short) names[i].length).put(names[i]).putLong(value);
			i++;
		}
		byte[] bytes = new byte[out.position()];
		out.flip().get(bytes);
		return bytes;
	}

	static TaskCounts decode(byte[] bytes, JsonMapper json) {
		if (bytes.length > 0 && bytes[0] == '{') {
			return json.readValue(bytes, TaskCounts.class);
		}
		ByteBuffer in = ByteBuffer.wrap(bytes);
		if (in.get() != VERSION) {
			throw new SerializationException("Task counts of an unknown version " + bytes[0]);
		}
		int flags = in.get();
		long offset = in.getLong();
		Instant lastEventAt = ((flags & HAS_LAST_EVENT) != 0) ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
		int entries = in.getInt();
		Map<String, Long> counts = new HashMap<>();
		for (int i = 0; i < entries; i++) {
			byte[] name = new byte[in.getShort()];
			in.get(name);
			counts.put(new String(name, StandardCharsets.UTF_8), in.getLong());
		}
		return new TaskCounts(offset, lastEventAt, counts, (flags & FORWARDED) != 0);
	}

}
