package id.ucj.aggregator.topology;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Which engine counts, and how the Kafka Streams job runs.
 *
 * @param engine {@code listener} (the default until the switch-over) or {@code streams}
 * @param flushInterval how often each step forwards the regencies that changed: the
 * counting step to the regency step, the regency step to MongoDB and coverage-changes
 * @param partitionCounts the topic between the two steps (regency counts, no personal
 * data)
 * @param stateDir where the job keeps its stores (restored from their changelogs when
 * lost)
 */
@Validated
@ConfigurationProperties("ucj.counting")
public record CountingSettings(@DefaultValue("listener") @NotNull Engine engine,
		@DefaultValue("50ms") @NotNull Duration flushInterval,
		@DefaultValue("coverage-partition-counts") @NotBlank String partitionCounts, @NotNull Path stateDir) {

	/** The counting engines. */
	public enum Engine {

		/**
		 * The Spring Kafka listener with its own exactly-once scheme (decisions/0001).
		 */
		LISTENER,
		/** The Kafka Streams job (decisions/0005). */
		STREAMS

	}

}
