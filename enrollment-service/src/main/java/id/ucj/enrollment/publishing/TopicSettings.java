package id.ucj.enrollment.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import id.ucj.contract.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The participant events topic, and how it is created when it does not exist yet.
 *
 * @param participantEvents the topic's name
 * @param partitions partitions when this service creates it; bounds how many aggregators
 * can share the work
 * @param replicas replication factor when this service creates it (3 on a production
 * cluster)
 */
@Validated
@ConfigurationProperties("ucj.topics")
record TopicSettings(@DefaultValue(Topics.PARTICIPANT_EVENTS) @NotBlank String participantEvents,
		@DefaultValue("24") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas) {
}
