package id.ucj.aggregator.topology;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The regency step's values in binary: the partition counts it reads from the topic
 * between the two steps, and its state per regency, which holds every partition's counts
 * of the regency and is read and written for each message. Over the country, with
 * hundreds of regencies changing at each flush, their JSON took a third of the stream
 * thread (docs/performance-history.md, change 26). Layouts (version 1), after a version
 * byte: partition counts, a flags byte (has a last event time), the partition, the
 * offset, the last event time, the counters ({@link BinaryCounts}); regency counts, a
 * flags byte (written), the offset, the number of partitions, and each partition's counts
 * without their version byte. A value starting with {@code &#123;} is the JSON the job
 * wrote before, read as it was.
 */
final class RegencyStepSerdes {

	private static final int HAS_LAST_EVENT = 1;

	private static final int WRITTEN = 1;

	private RegencyStepSerdes() {
	}

	static Serde<PartitionCounts> partitionCounts(JsonMapper json) {
		return Serdes.serdeFrom(
				(Serializer<PartitionCounts>) (topic, counts) -> (counts != null) ? encode(counts) : null,
				(Deserializer<PartitionCounts>) (topic, bytes) -> (bytes != null) ? decodePartition(bytes, json)
						: null);
	}

	static Serde<RegencyCounts> regencyCounts(JsonMapper json) {
		return Serdes.serdeFrom((Serializer<RegencyCounts>) (topic, counts) -> (counts != null) ? encode(counts) : null,
				(Deserializer<RegencyCounts>) (topic, bytes) -> (bytes != null) ? decodeRegency(bytes, json) : null);
	}

	static byte[] encode(PartitionCounts counts) {
		byte[][] names = BinaryCounts.names(counts.counts());
		ByteBuffer out = ByteBuffer.allocate(1 + size(names));
		out.put(BinaryCounts.VERSION);
		write(out, counts, names);
		return BinaryCounts.bytes(out);
	}

	static byte[] encode(RegencyCounts counts) {
		Map<Integer, byte[][]> names = new HashMap<>();
		int size = 1 + 1 + 8 + 4;
		for (PartitionCounts partition : counts.partitions().values()) {
			byte[][] partitionNames = BinaryCounts.names(partition.counts());
			names.put(partition.partition(), partitionNames);
			size += size(partitionNames);
		}
		ByteBuffer out = ByteBuffer.allocate(size);
		out.put(BinaryCounts.VERSION).put((byte) (counts.written() ? WRITTEN : 0)).putLong(counts.offset());
		out.putInt(counts.partitions().size());
		for (PartitionCounts partition : counts.partitions().values()) {
			write(out, partition, names.get(partition.partition()));
		}
		return BinaryCounts.bytes(out);
	}

	static PartitionCounts decodePartition(byte[] bytes, JsonMapper json) {
		if (BinaryCounts.isJson(bytes)) {
			return json.readValue(bytes, PartitionCounts.class);
		}
		return read(BinaryCounts.versioned(bytes, "Partition counts"));
	}

	static RegencyCounts decodeRegency(byte[] bytes, JsonMapper json) {
		if (BinaryCounts.isJson(bytes)) {
			return json.readValue(bytes, RegencyCounts.class);
		}
		ByteBuffer in = BinaryCounts.versioned(bytes, "Regency counts");
		boolean written = (in.get() & WRITTEN) != 0;
		long offset = in.getLong();
		int partitions = in.getInt();
		Map<Integer, PartitionCounts> counts = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			PartitionCounts partition = read(in);
			counts.put(partition.partition(), partition);
		}
		return new RegencyCounts(counts, offset, written);
	}

	private static int size(byte[][] names) {
		return 1 + 4 + 8 + 12 + BinaryCounts.size(names);
	}

	private static void write(ByteBuffer out, PartitionCounts counts, byte[][] names) {
		out.put((byte) ((counts.lastEventAt() != null) ? HAS_LAST_EVENT : 0))
			.putInt(counts.partition())
			.putLong(counts.offset());
		if (counts.lastEventAt() != null) {
			BinaryCounts.write(out, counts.lastEventAt());
		}
		BinaryCounts.write(out, names, counts.counts());
	}

	private static PartitionCounts read(ByteBuffer in) {
		int flags = in.get();
		int partition = in.getInt();
		long offset = in.getLong();
		Instant lastEventAt = ((flags & HAS_LAST_EVENT) != 0) ? BinaryCounts.instant(in) : null;
		return new PartitionCounts(partition, offset, lastEventAt, BinaryCounts.read(in));
	}

}
