package id.ucj.aggregator.topology;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the Kafka Streams job runs.
 *
 * @param flushInterval how often each step forwards the regencies that changed: the
 * counting step to the regency step, the regency step to MongoDB and coverage-changes
 * @param commitInterval how often each step commits its transaction (Kafka Streams'
 * {@code commit.interval.ms}, 100 ms by default under exactly_once_v2): what a step
 * forwarded is read by the next one, and seen on coverage-changes, only once committed,
 * so a registration waits for two commits before it is counted
 * @param stateDir where the job keeps its stores (restored from their changelogs when
 * lost)
 * @param blockCache RocksDB's block cache, shared by every store of the instance
 * @param writeBuffers RocksDB's memtables, shared by every store and counted against the
 * block cache
 * @param instanceId this instance's stable name in the job's group (static membership),
 * or none: an instance restarted under the same name takes its tasks back at once,
 * without a rebalance and without waiting for its old session to time out
 * @param threads stream threads of this instance (Kafka Streams'
 * {@code num.stream.threads}): one counts on one core at most, so more count more events
 * a second where cores are free, but each commits its own transactions, which at a low
 * rate costs more CPU per event (docs/performance-history.md, change 25)
 */
@Validated
@ConfigurationProperties("ucj.counting")
public record CountingSettings(@DefaultValue("20ms") @NotNull Duration flushInterval,
		@DefaultValue("75ms") @NotNull Duration commitInterval, @NotNull Path stateDir,
		@DefaultValue("64MB") @NotNull DataSize blockCache, @DefaultValue("32MB") @NotNull DataSize writeBuffers,
		String instanceId, @DefaultValue("1") @Min(1) int threads) {
}
