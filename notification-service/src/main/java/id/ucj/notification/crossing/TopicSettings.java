package id.ucj.notification.crossing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import id.ucj.contract.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The notifier's topics: the one it consumes and the dead-letter topic it owns.
 *
 * @param coverageChanges consumed, compacted, keyed by regency code
 * @param replicas replication factor of the dead-letter topic when this service creates
 * it (3 on a production cluster)
 * @param deadLetterRetention how long dead letters are kept
 */
@Validated
@ConfigurationProperties("ucj.topics")
record TopicSettings(@DefaultValue(Topics.COVERAGE_CHANGES) @NotBlank String coverageChanges,
		@DefaultValue("1") @Min(1) short replicas, @DefaultValue("14d") @NotNull Duration deadLetterRetention) {

	String deadLetters() {
		return this.coverageChanges + Topics.DEAD_LETTER_SUFFIX;
	}

}
