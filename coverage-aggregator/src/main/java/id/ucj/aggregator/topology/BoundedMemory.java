package id.ucj.aggregator.topology;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the instance, however many tasks
 * it runs: one block cache ({@value #BLOCK_CACHE}) that also holds index and filter
 * blocks, and one write buffer manager ({@value #WRITE_BUFFERS}) whose memtables are
 * counted against that cache, as the Kafka Streams memory-management guide sets it.
 * Values are compressed with LZ4: participants' state is most of what the instance keeps
 * on disk. Kafka Streams creates this class by name, so the sizes come in as
 * configuration.
 */
public class BoundedMemory implements RocksDBConfigSetter {

	/** Bytes of the shared block cache. */
	public static final String BLOCK_CACHE = "ucj.counting.block-cache";

	/** Bytes of the shared memtables, within the block cache. */
	public static final String WRITE_BUFFERS = "ucj.counting.write-buffers";

	/** A store's memtable before it is flushed. */
	private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

	private static Shared shared;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared memory = shared(bytes(configs, BLOCK_CACHE), bytes(configs, WRITE_BUFFERS));
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(memory.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setTableFormatConfig(table);
		options.setWriteBufferManager(memory.writeBuffers());
		options.setWriteBufferSize(MEMTABLE_BYTES);
		options.setMaxWriteBufferNumber(2);
		options.setCompressionType(CompressionType.LZ4_COMPRESSION);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the write buffer manager are shared by every store: kept.
	}

	private static synchronized Shared shared(long cacheBytes, long writeBufferBytes) {
		if (shared == null) {
			Cache cache = new LRUCache(cacheBytes, -1, false, 0.1);
			shared = new Shared(cache, new WriteBufferManager(writeBufferBytes, cache));
		}
		return shared;
	}

	private static long bytes(Map<String, Object> configs, String name) {
		Object value = configs.get(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not set");
		}
		return Long.parseLong(value.toString());
	}

	private record Shared(Cache cache, WriteBufferManager writeBuffers) {
	}

}
