package id.ucj.aggregator.recount;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import id.ucj.aggregator.topology.CountingMetrics.Step;
import id.ucj.aggregator.topology.CountingSettings;
import id.ucj.aggregator.topology.Settled;
import id.ucj.aggregator.topology.StreamsConfiguration;
import id.ucj.aggregator.topology.TopicSettings;
import id.ucj.aggregator.view.CountersReset;
import id.ucj.aggregator.view.CoverageChanged;
import id.ucj.aggregator.view.CoverageStore;
import id.ucj.aggregator.view.LapseRules;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Recounts everything from participant-events into an emptied view. With every other
 * aggregator stopped: it resets the counting job (its consumer group, its internal topics
 * and its local state), empties the view ({@link CountersReset}), runs the job from the
 * first event to the last one there was when it started, showing how far it is, waits
 * until both steps have written everything, and then publishes each regency's snapshot
 * once.
 */
@Component
@ConditionalOnProperty(LapseRules.RECOUNT)
public class Recount {

	/** Exit status when the recount could not run; the message says why. */
	public static final int REFUSED = 2;

	private static final Duration POLL = Duration.ofMillis(250);

	/** Beyond the session timeout, for the group to notice a member has gone. */
	private static final Duration MEMBERS_LEAVE_MARGIN = Duration.ofSeconds(5);

	private final StreamsBuilderFactoryBean job;

	private final KafkaAdmin kafkaAdmin;

	private final NewTopic partitionCountsTopic;

	private final TopicSettings topics;

	private final CountingSettings counting;

	private final Settled settled;

	private final CountersReset reset;

	private final CoverageStore store;

	private final ApplicationEventPublisher events;

	private final String applicationId;

	private final String partitionCounts;

	private final Duration membersLeave;

	Recount(StreamsBuilderFactoryBean job, KafkaAdmin kafkaAdmin,
			@Qualifier("partitionCountsTopic") NewTopic partitionCountsTopic, TopicSettings topics,
			CountingSettings counting, Settled settled, CountersReset reset, CoverageStore store,
			ApplicationEventPublisher events, @Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${spring.kafka.streams.properties.session.timeout.ms:45000}") long sessionTimeoutMs) {
		this.job = job;
		this.kafkaAdmin = kafkaAdmin;
		this.partitionCountsTopic = partitionCountsTopic;
		this.topics = topics;
		this.counting = counting;
		this.settled = settled;
		this.reset = reset;
		this.store = store;
		this.events = events;
		this.applicationId = StreamsConfiguration.applicationId(group);
		this.partitionCounts = StreamsConfiguration.partitionCounts(group);
		// An instance of the job does not leave its group when it stops (Kafka Streams
		// keeps its tasks for it, should it come back): it is a member until the session
		// times out.
		this.membersLeave = Duration.ofMillis(sessionTimeoutMs).plus(MEMBERS_LEAVE_MARGIN);
	}

	/** Runs the recount; returns the exit status (0 when done). */
	public int run(PrintStream out) throws Exception {
		long started = System.nanoTime();
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			ConsumerGroupDescription group = describe(admin);
			long deadline = System.nanoTime() + this.membersLeave.toNanos();
			while (!group.members().isEmpty() && System.nanoTime() - deadline < 0) {
				// An instance just stopped, or killed, is still a member until the group
				// has noticed it is gone.
				Thread.sleep(POLL.toMillis());
				group = describe(admin);
			}
			if (!group.members().isEmpty()) {
				out.printf(
						"Not recounting: %d aggregator instance(s) are counting (consumer group %s). "
								+ "Stop every coverage-aggregator first.%n",
						group.members().size(), this.applicationId);
				return REFUSED;
			}
			resetJob(admin, out);
			long regencies = this.reset.empty();
			out.printf("Emptied the live view of %d regencies (their versions kept, and raised).%n", regencies);

			String source = this.topics.participantEvents();
			Map<TopicPartition, Long> first = offsets(admin, source, OffsetSpec.earliest());
			Map<TopicPartition, Long> last = offsets(admin, source, OffsetSpec.latest());
			long total = last.entrySet().stream().mapToLong((end) -> end.getValue() - first.get(end.getKey())).sum();
			this.job.start();
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Recounting " + source)
				.setInitialMax(total)
				.setUnit(" events", 1)
				.setStyle(ProgressBarStyle.ASCII)
				.setConsumer(new ConsoleProgressBarConsumer(out))
				.setUpdateIntervalMillis(500)
				.setMaxRenderedLength(100)
				.build()) {
				awaitJob(() -> {
					Map<TopicPartition, Long> committed = committed(admin);
					bar.stepTo(last.entrySet()
						.stream()
						.mapToLong((end) -> Math.min(end.getValue(), committed.getOrDefault(end.getKey(), 0L))
								- first.get(end.getKey()))
						.sum());
					return reached(committed, last);
				});
			}
			long counted = System.nanoTime();
			awaitJob(() -> this.settled.since(counted, Step.COUNTING, last.size()));
			Map<TopicPartition, Long> forwarded = offsets(admin, this.partitionCounts, OffsetSpec.latest());
			awaitJob(() -> reached(committed(admin), forwarded));
			long summed = System.nanoTime();
			awaitJob(() -> this.settled.since(summed, Step.REGENCY, forwarded.size()));
			this.job.stop();
			this.events.publishEvent(new CoverageChanged(this.store.all(null)));
			out.printf("Recounted %,d events in %s, and published every regency's snapshot once.%n", total,
					Duration.ofNanos(System.nanoTime() - started).withNanos(0));
			return 0;
		}
	}

	/**
	 * Forgets everything the job has counted: its consumer group, its internal topics
	 * (changelogs and the topic between its steps, which is then created again) and its
	 * local state.
	 */
	private void resetJob(Admin admin, PrintStream out) throws Exception {
		try {
			admin.deleteConsumerGroups(List.of(this.applicationId)).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof GroupIdNotFoundException)) {
				throw ex;
			}
		}
		Set<String> internal = admin.listTopics()
			.names()
			.get()
			.stream()
			.filter((topic) -> topic.startsWith(this.applicationId + "-"))
			.collect(Collectors.toSet());
		admin.deleteTopics(internal).all().get();
		await(() -> admin.listTopics().names().get().stream().noneMatch(internal::contains));
		this.kafkaAdmin.createOrModifyTopics(this.partitionCountsTopic);
		Path local = this.counting.stateDir().resolve(this.applicationId);
		FileSystemUtils.deleteRecursively(local);
		out.printf("Reset the counting job %s: its consumer group, %d internal topics and %s.%n", this.applicationId,
				internal.size(), local);
	}

	private ConsumerGroupDescription describe(Admin admin) throws Exception {
		return admin.describeConsumerGroups(List.of(this.applicationId)).all().get().get(this.applicationId);
	}

	private Map<TopicPartition, Long> committed(Admin admin) throws Exception {
		return admin.listConsumerGroupOffsets(this.applicationId)
			.partitionsToOffsetAndMetadata()
			.get()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

	private static boolean reached(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch((end) -> end.getValue() == 0 || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) throws Exception {
		List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		return admin.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> spec)))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

	/** Waits until the condition holds, as long as the job runs. */
	private void awaitJob(Condition condition) throws Exception {
		await(() -> {
			KafkaStreams streams = this.job.getKafkaStreams();
			if (streams != null && (streams.state() == KafkaStreams.State.ERROR
					|| streams.state() == KafkaStreams.State.NOT_RUNNING)) {
				throw new IllegalStateException("The counting job stopped: " + streams.state());
			}
			return condition.holds();
		});
	}

	private static void await(Condition condition) throws Exception {
		while (!condition.holds()) {
			Thread.sleep(POLL.toMillis());
		}
	}

	private interface Condition {

		boolean holds() throws Exception;

	}

}
