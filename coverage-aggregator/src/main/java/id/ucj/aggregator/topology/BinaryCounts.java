package id.ucj.aggregator.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The pieces the job's binary values share: named counters (a count, then each name in
 * UTF-8, length first, and its value) and an optional instant (seconds and nanoseconds).
 * A value starts with a version byte; one that starts with <code>&#123;</code> is the
 * JSON an earlier version of the job wrote.
 */
final class BinaryCounts {

	static final byte VERSION = 1;

	private BinaryCounts() {
	}

	static boolean isJson(byte[] bytes) {
		return bytes.length > 0 && bytes[0] == '{';
	}

	static ByteBuffer versioned(byte[] bytes, String what) {
		ByteBuffer in = ByteBuffer.wrap(bytes);
		if (in.get() != VERSION) {
			throw new SerializationException(what + " of an unknown version " + bytes[0]);
		}
		return in;
	}

	/** The counters' names in UTF-8, in the map's order. */
	static byte[][] names(Map<String, Long> counters) {
		byte[][] names = new byte[counters.size()][];
		int i = 0;
		for (String name : counters.keySet()) {
			names[i++] = name.getBytes(StandardCharsets.UTF_8);
		}
		return names;
	}

	static int size(byte[][] names) {
		int size = 4;
		for (byte[] name : names) {
			size += 2 + name.length + 8;
		}
		return size;
	}

	static void write(ByteBuffer out, byte[][] names, Map<String, Long> counters) {
		out.putInt(names.length);
		int i = 0;
		for (long value : counters.values()) {
			out.putShort((short) names[i].length).put(names[i]).putLong(value);
			i++;
		}
	}

	static Map<String, Long> read(ByteBuffer in) {
		int entries = in.getInt();
		Map<String, Long> counters = new HashMap<>();
		for (int i = 0; i < entries; i++) {
			byte[] name = new byte[in.getShort()];
			in.get(name);
			counters.put(new String(name, StandardCharsets.UTF_8), in.getLong());
		}
		return counters;
	}

	static void write(ByteBuffer out, Instant at) {
		out.putLong(at.getEpochSecond()).putInt(at.getNano());
	}

	static Instant instant(ByteBuffer in) {
		return Instant.ofEpochSecond(in.getLong(), in.getInt());
	}

	static byte[] bytes(ByteBuffer out) {
		byte[] bytes = new byte[out.position()];
		out.flip().get(bytes);
		return bytes;
	}

}
