package id.ucj.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * What a consumer group has taken. Services commit a batch's offsets only once it is
 * processed, so a group whose committed offsets reach the end of a topic has processed
 * everything sent to it: the moment to assert that a replay changed nothing, rather than
 * waiting a guessed time.
 */
public final class ConsumerGroups {

	private ConsumerGroups() {
	}

	/** Waits until {@code group} has committed every record now on {@code topic}. */
	public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration atMost) {
		try (Admin admin = Admin
			.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Map<TopicPartition, Long> ends = endOffsets(admin, topic);
			await(group + " caught up with " + topic + " at " + ends).atMost(atMost)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> committed(admin, group, ends.keySet()).equals(ends));
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read the end offsets of " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
			throws InterruptedException, ExecutionException {
		Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.collect(Collectors.toSet());
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin
			.listOffsets(partitions.stream()
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
			.all()
			.get()
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	private static Map<TopicPartition, Long> committed(Admin admin, String group, Set<TopicPartition> partitions)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, Long> committed = new HashMap<>();
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = offsets.get(partition);
			committed.put(partition, (offset != null) ? offset.offset() : 0L);
		}
		return committed;
	}

}
