package id.ucj.aggregator.topology;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store that writes once per commit, over a real (in-memory) Kafka Streams store.
 * That the commit does call it, in the transaction, is shown by the changelogs in
 * {@code CountingTopologyTest} and by the restarts of {@code KilledProcessesTest}.
 */
class PerCommitStoreTest {

	private final KeyValueStore<String, Long> beneath = Stores
		.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long())
		.withLoggingDisabled()
		.withCachingDisabled()
		.build();

	private final PerCommitStore<String, Long> store = new PerCommitStore<>(this.beneath);

	@BeforeEach
	void init() {
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void writesOnlyTheLastValueOfEachKeyAtTheCommit() {
		this.store.put("15.03", 1L);
		this.store.put("15.03", 2L);
		this.store.put("15.71", 7L);

		assertThat(this.store.get("15.03")).isEqualTo(2L);
		assertThat(this.beneath.get("15.03")).as("before the commit").isNull();

		this.store.flushCache();

		assertThat(this.beneath.get("15.03")).isEqualTo(2L);
		assertThat(this.beneath.get("15.71")).isEqualTo(7L);
	}

	@Test
	void dropsWhatTheCommitDidNotWriteWhenTheTaskStartsAgain() {
		this.store.put("15.03", 1L);
		this.store.flushCache();
		this.store.put("15.03", 5L);

		this.store.clearCache();

		assertThat(this.store.get("15.03")).isEqualTo(1L);
	}

	@Test
	void writesTheChangesBeforeAScan() {
		this.store.put("15.03", 1L);
		this.store.putAll(List.of(KeyValue.pair("15.71", 2L)));

		try (KeyValueIterator<String, Long> all = this.store.all()) {
			assertThat(all).toIterable().containsExactly(KeyValue.pair("15.03", 1L), KeyValue.pair("15.71", 2L));
		}
		assertThat(this.beneath.get("15.03")).isEqualTo(1L);
	}

	@Test
	void deletesBothTheChangeAndWhatWasWritten() {
		this.store.put("15.03", 1L);
		this.store.flushCache();
		this.store.put("15.03", 2L);

		assertThat(this.store.delete("15.03")).isEqualTo(2L);
		this.store.flushCache();

		assertThat(this.store.get("15.03")).isNull();
		assertThat(this.beneath.get("15.03")).isNull();
		assertThat(this.store.putIfAbsent("15.03", 3L)).isNull();
		assertThat(this.store.putIfAbsent("15.03", 4L)).isEqualTo(3L);
	}

	@Test
	void leavesNoRecordCacheBeneathIt() {
		var builder = PerCommitStore.builder(
				Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()));

		assertThat(builder.name()).isEqualTo("counts");
		assertThat(builder.loggingEnabled()).isTrue();
		assertThatThrownBy(builder::withCachingEnabled).isInstanceOf(UnsupportedOperationException.class);
	}

}
