package id.ucj.aggregator.topology;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import id.ucj.contract.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The aggregator's topics, and how they are created when they do not exist yet.
 *
 * @param participantEvents consumed
 * @param coverageChanges published, compacted, keyed by regency code
 * @param partitions partitions of the topics this service creates
 * @param replicas replication factor of the topics this service creates
 * @param deadLetterRetention how long dead letters (which hold pseudonymous ids) are kept
 */
@Validated
@ConfigurationProperties("ucj.topics")
public record TopicSettings(@DefaultValue(Topics.PARTICIPANT_EVENTS) @NotBlank String participantEvents,
		@DefaultValue(Topics.COVERAGE_CHANGES) @NotBlank String coverageChanges,
		@DefaultValue("24") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue("14d") Duration deadLetterRetention) {

	String deadLetters() {
		return this.participantEvents + Topics.DEAD_LETTER_SUFFIX;
	}

}
