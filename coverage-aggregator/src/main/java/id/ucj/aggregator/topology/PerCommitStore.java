package id.ucj.aggregator.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps what is put into it on the heap, as objects, and writes
 * each changed key once per commit to the store beneath it (serialized, changelogged).
 * Kafka Streams' record cache coalesces the writes too, but serializes every value put
 * into it: for the task counts, written at every event, that was most of the cost of
 * counting one (docs/performance-history.md, change 27).
 * <p>
 * The write happens in {@link #flushCache()}, which Kafka Streams calls on every store
 * that is a {@link CachedStateStore} when a task prepares a commit (a revocation's commit
 * too), before it flushes the producer: the changes are in the transaction of the input
 * offsets that made them. If that transaction is aborted the object is dropped with the
 * task ({@link #init}, {@link #close}, {@link #clearCache}); its state comes back from
 * the changelog. {@code CachedStateStore} belongs to Kafka Streams' internals, checked on
 * each upgrade by the restart tests.
 * <p>
 * A value put must not be changed afterwards other than by putting it again: what is
 * serialized is its state at the commit. Reads of ranges write the changed keys first.
 */
final class PerCommitStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

	private final KeyValueStore<K, V> inner;

	private final Map<K, V> changed = new HashMap<>();

	PerCommitStore(KeyValueStore<K, V> inner) {
		this.inner = inner;
	}

	/**
	 * Builds, for {@code builder}'s store (a store without record cache), the store
	 * writing it once per commit.
	 */
	static <K, V> StoreBuilder<PerCommitStore<K, V>> builder(StoreBuilder<KeyValueStore<K, V>> builder) {
		return new Builder<>(builder.withCachingDisabled());
	}

	@Override
	public void init(StateStoreContext context, StateStore root) {
		this.changed.clear();
		// This store is the root: the one registered, and asked to flush at commits.
		this.inner.init(context, this);
	}

	@Override
	public void put(K key, V value) {
		if (value == null) {
			delete(key);
			return;
		}
		this.changed.put(key, value);
	}

	@Override
	public V get(K key) {
		V value = this.changed.get(key);
		return (value != null) ? value : this.inner.get(key);
	}

	@Override
	public V putIfAbsent(K key, V value) {
		V current = get(key);
		if (current == null) {
			put(key, value);
		}
		return current;
	}

	@Override
	public void putAll(List<KeyValue<K, V>> entries) {
		entries.forEach((entry) -> put(entry.key, entry.value));
	}

	@Override
	public V delete(K key) {
		V changedValue = this.changed.remove(key);
		V stored = this.inner.delete(key);
		return (changedValue != null) ? changedValue : stored;
	}

	@Override
	public KeyValueIterator<K, V> range(K from, K to) {
		flushCache();
		return this.inner.range(from, to);
	}

	@Override
	public KeyValueIterator<K, V> reverseRange(K from, K to) {
		flushCache();
		return this.inner.reverseRange(from, to);
	}

	@Override
	public KeyValueIterator<K, V> all() {
		flushCache();
		return this.inner.all();
	}

	@Override
	public KeyValueIterator<K, V> reverseAll() {
		flushCache();
		return this.inner.reverseAll();
	}

	@Override
	public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
		flushCache();
		return this.inner.prefixScan(prefix, prefixKeySerializer);
	}

	@Override
	public long approximateNumEntries() {
		return this.inner.approximateNumEntries() + this.changed.size();
	}

	/** Writes the keys changed since the last commit to the store beneath. */
	@Override
	public void flushCache() {
		if (this.changed.isEmpty()) {
			return;
		}
		this.changed.forEach(this.inner::put);
		this.changed.clear();
	}

	@Override
	public void clearCache() {
		this.changed.clear();
	}

	@Override
	public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
		return false;
	}

	@Override
	public void flush() {
		flushCache();
		this.inner.flush();
	}

	@Override
	public void close() {
		this.changed.clear();
		this.inner.close();
	}

	@Override
	public String name() {
		return this.inner.name();
	}

	@Override
	public boolean persistent() {
		return this.inner.persistent();
	}

	@Override
	public boolean isOpen() {
		return this.inner.isOpen();
	}

	@Override
	public Position getPosition() {
		return this.inner.getPosition();
	}

	private record Builder<K, V>(
			StoreBuilder<KeyValueStore<K, V>> inner) implements StoreBuilder<PerCommitStore<K, V>> {

		@Override
		public StoreBuilder<PerCommitStore<K, V>> withCachingEnabled() {
			throw new UnsupportedOperationException("Writes once per commit already: no record cache beneath");
		}

		@Override
		public StoreBuilder<PerCommitStore<K, V>> withCachingDisabled() {
			return this;
		}

		@Override
		public StoreBuilder<PerCommitStore<K, V>> withLoggingEnabled(Map<String, String> config) {
			return new Builder<>(this.inner.withLoggingEnabled(config));
		}

		@Override
		public StoreBuilder<PerCommitStore<K, V>> withLoggingDisabled() {
			return new Builder<>(this.inner.withLoggingDisabled());
		}

		@Override
		public PerCommitStore<K, V> build() {
			return new PerCommitStore<>(this.inner.build());
		}

		@Override
		public Map<String, String> logConfig() {
			return this.inner.logConfig();
		}

		@Override
		public boolean loggingEnabled() {
			return this.inner.loggingEnabled();
		}

		@Override
		public String name() {
			return this.inner.name();
		}

	}

}
