package id.ucj.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.FileSystemUtils;

import id.ucj.aggregator.AggregatorApplication;
import id.ucj.aggregator.topology.StreamsConfiguration;
import id.ucj.contract.ClientKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage-aggregator alone, in this JVM, against the broker and the store:
 * participant events are put on its topic with a plain producer (as enrollment-service
 * does), and each phase is timed from its first record to the moment the aggregator has
 * processed its last (the first phase, whose records are on the topic before the
 * aggregator starts, from the moment its job is running, as the Kafka Streams
 * reference's). Phases: new participants, then each of the first {@code known} of them
 * moving to another regency, then every move uploaded again (duplicates), then a
 * contribution for each (three months of cover). The last three take the path of every
 * event about a known participant, as deregistrations do, with all the participants
 * registered known to the store. The run checks that every event was processed and every
 * participant is counted as covered (active) at the end, exactly.
 */
final class AggregatorRun {

	/**
	 * The run's own reader key, generated for it: the aggregator's API needs a credential
	 * like any other.
	 */
	private static final String READER_KEY = ClientKey.generate();

	/**
	 * A phase's throughput over time is told in tenths of its duration, for phases of a
	 * minute or more.
	 */
	private static final int TENTHS = 10;

	/**
	 * Shorter phases are a handful of batches of up to 5,000 events, and their tenths
	 * tell batch boundaries, not throughput.
	 */
	private static final Duration OVER_TIME_FROM = Duration.ofMinutes(1);

	private final String bootstrapServers;

	private final Store store;

	private final int participants;

	private final int known;

	private final Duration phaseTimeout;

	private final Workload workload;

	private final Pass pass;

	AggregatorRun(String bootstrapServers, Store store, Workload workload, int participants, int known,
			Duration phaseTimeout, Pass pass) {
		this.workload = workload;
		this.pass = pass;
		this.bootstrapServers = bootstrapServers;
		this.store = store;
		this.participants = participants;
		this.known = known;
		this.phaseTimeout = phaseTimeout;
	}

	void measure(Figures figures) throws Exception {
		String name = this.store.name() + this.pass.suffix();
		String topic = "participant-events-" + name;
		RawKafka.createTopic(this.bootstrapServers, topic, 6);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				RawKafka.workloadProducer(this.bootstrapServers))) {
			this.workload.produce(producer, topic, 0, this.participants);
			Path stateDir = Files.createTempDirectory("ucj-benchmark-state-" + name);
			List<String> arguments = new ArrayList<>(
					List.of("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
							"--logging.level.root=WARN", "--spring.kafka.bootstrap-servers=" + this.bootstrapServers,
							"--spring.mongodb.uri=" + this.store.uri("ucj-benchmark" + this.pass.suffix()),
							"--ucj.topics.participant-events=" + topic,
							"--ucj.topics.coverage-changes=coverage-changes-" + name,
							"--spring.kafka.consumer.group-id=aggregator-" + name,
							"--ucj.security.api-keys[0].sha256=" + ClientKey.hash(READER_KEY),
							"--ucj.security.api-keys[0].client=benchmark", "--ucj.security.api-keys[0].role=reader",
							"--ucj.security.api-keys[0].areas=*", "--ucj.topics.partitions=6",
							"--ucj.counting.state-dir=" + stateDir, "--ucj.counting.instance-id=benchmark-" + name));
			ConfigurableApplicationContext aggregator = new SpringApplicationBuilder(AggregatorApplication.class)
				.run(arguments.toArray(String[]::new));
			try {
				ProcessedEvents events = new ProcessedEvents(aggregator.getBean(MeterRegistry.class));
				StreamThreadsCpu cpu = new StreamThreadsCpu(StreamsConfiguration.applicationId("aggregator-" + name));
				awaitRunning(aggregator, System.nanoTime());
				long expected = this.participants;
				phase(figures, "aggregator: new participants", events, expected, this.participants, System.nanoTime(),
						cpu);
				long start = System.nanoTime();
				long used = cpu.nanos();
				this.workload.produce(producer, topic, 1, this.known);
				expected += this.known;
				phase(figures, "aggregator: moves (known participants)", events, expected, this.known, start, cpu,
						used);
				start = System.nanoTime();
				used = cpu.nanos();
				this.workload.produce(producer, topic, 1, this.known);
				expected += this.known;
				phase(figures, "aggregator: duplicates (known participants)", events, expected, this.known, start, cpu,
						used);
				start = System.nanoTime();
				used = cpu.nanos();
				this.workload.produceContributions(producer, topic, this.known);
				expected += this.known;
				phase(figures, "aggregator: contributions (known participants)", events, expected, this.known, start,
						cpu, used);
				long all = events.count();
				figures.add(this.store.name(), "aggregator: events processed", all, "events",
						(all == expected) ? "all of them" : "expected " + expected);
				long covered = awaitCovered(aggregator, this.participants);
				figures.add(this.store.name(), "aggregator: participants counted", covered, "participants",
						(covered == this.participants) ? "exact" : "expected " + this.participants);
			}
			finally {
				aggregator.close();
			}
			if (this.pass == Pass.WARM_UP) {
				FileSystemUtils.deleteRecursively(stateDir);
				return;
			}
			// Measured once the instance has stopped, its memtables flushed to files.
			long stateBytes = sizeOf(stateDir);
			figures.add(this.store.name(), "aggregator: state on disk per participant",
					(double) stateBytes / this.participants, "bytes",
					String.format("%,.1f MiB of RocksDB under the state directory", stateBytes / 1_048_576.0));
			restore(figures, arguments, stateDir);
		}
	}

	/**
	 * Times a phase; also whether it slows as it goes (the second half's rate against the
	 * first's: below 1, the cost of an event grows with what is stored), the heap after a
	 * full GC at its end, and the store's file.
	 */
	private void phase(Figures figures, String measure, ProcessedEvents events, long target, int phaseEvents,
			long startNanos, StreamThreadsCpu cpu) throws Exception {
		phase(figures, measure, events, target, phaseEvents, startNanos, cpu, cpu.nanos());
	}

	private void phase(Figures figures, String measure, ProcessedEvents events, long target, int phaseEvents,
			long startNanos, StreamThreadsCpu cpu, long cpuAtStart) throws Exception {
		long before = target - phaseEvents;
		long deadline = startNanos + this.phaseTimeout.toNanos();
		long processed = events.count();
		List<Progress> progress = new ArrayList<>(List.of(new Progress(startNanos, 0)));
		while (processed < target && System.nanoTime() < deadline) {
			Thread.sleep(50);
			processed = events.count();
			progress.add(new Progress(System.nanoTime(), processed - before));
		}
		long end = System.nanoTime();
		long halfway = progress.stream()
			.filter((reading) -> reading.processed() >= phaseEvents / 2)
			.findFirst()
			.map(Progress::at)
			.orElse(end);
		long done = processed - before;
		double seconds = RawKafka.seconds(startNanos);
		String note = (processed >= target) ? String.format("%,d events in %.1f s", phaseEvents, seconds)
				: String.format("stopped after %.0f s with %,d of %,d processed", seconds, done, phaseEvents);
		figures.add(this.store.name(), measure, done / seconds, "events/s", note);
		cpu.add(figures, this.store.name(), measure, cpuAtStart, phaseEvents);
		// Progress is read every 50 ms and counted a batch at a time: halves of under a
		// second each (a phase of a
		// batch or two) tell where a batch ended, not how fast it went.
		long second = Duration.ofSeconds(1).toNanos();
		if (processed >= target && halfway - startNanos >= second && end - halfway >= second) {
			figures.add(this.store.name(), measure + ": second half / first half",
					(double) (halfway - startNanos) / (end - halfway), "", "below 1: slows as the store grows");
		}
		if (processed >= target && end - startNanos >= OVER_TIME_FROM.toNanos()) {
			overTime(figures, measure, progress);
		}
		System.gc();
		figures.add(this.store.name(), measure + ": heap after GC",
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576.0, "MiB",
				"memory".equals(this.store.name()) ? "this JVM, the in-memory store's documents included" : "this JVM");
		long file = this.store.fileSize();
		if (file >= 0) {
			figures.add(this.store.name(), measure + ": store file", file / 1_048_576.0, "MiB", "");
		}
	}

	/** Events of the phase processed by a moment ({@link System#nanoTime}). */
	private record Progress(long at, long processed) {
	}

	/**
	 * The phase's throughput over time: its rate in each tenth of its duration, in order,
	 * so that a slowdown as the store grows shows where it starts. The figure is the
	 * slowest tenth against the phase's median tenth.
	 */
	private void overTime(Figures figures, String measure, List<Progress> progress) {
		long start = progress.get(0).at();
		long tenth = (progress.get(progress.size() - 1).at() - start) / TENTHS;
		double[] rates = new double[TENTHS];
		StringJoiner each = new StringJoiner(" / ", "events/s in each tenth of the phase's time: ", "");
		for (int i = 0; i < TENTHS; i++) {
			rates[i] = (processedAt(progress, start + (i + 1) * tenth) - processedAt(progress, start + i * tenth))
					/ (tenth / 1e9);
			each.add(String.format("%,.0f", rates[i]));
		}
		double[] sorted = rates.clone();
		Arrays.sort(sorted);
		figures.add(this.store.name(), measure + ": slowest tenth / median", sorted[0] / sorted[TENTHS / 2], "",
				each.toString());
	}

	/** Events processed by {@code at}, read between the two readings around it. */
	private static double processedAt(List<Progress> progress, long at) {
		for (int i = 1; i < progress.size(); i++) {
			Progress after = progress.get(i);
			if (after.at() >= at) {
				Progress before = progress.get(i - 1);
				return before.processed() + (double) (after.processed() - before.processed()) * (at - before.at())
						/ Math.max(1, after.at() - before.at());
			}
		}
		return progress.get(progress.size() - 1).processed();
	}

	/**
	 * The aggregator's count of processed events ({@code ucj.aggregator.events}, one
	 * counter per outcome), read every 50 ms without searching the registry each time:
	 * with hundreds of regencies it holds thousands of gauges, and the search took a
	 * noticeable share of the two cores the run measures.
	 */
	private static final class ProcessedEvents {

		private final Set<Counter> counters = new CopyOnWriteArraySet<>();

		ProcessedEvents(MeterRegistry meters) {
			meters.config().onMeterAdded((meter) -> {
				if (meter instanceof Counter counter && counter.getId().getName().equals("ucj.aggregator.events")) {
					this.counters.add(counter);
				}
			});
			this.counters.addAll(meters.find("ucj.aggregator.events").counters());
		}

		long count() {
			return (long) this.counters.stream().mapToDouble(Counter::count).sum();
		}

	}

	/**
	 * Restarts the aggregator with its local state gone, as exactly_once_v2 leaves it
	 * after a SIGKILL (an instance that did not close cleanly wipes its tasks' stores),
	 * and times until it serves the exact count again: the stores restored from their
	 * changelogs.
	 */
	private void restore(Figures figures, List<String> arguments, Path stateDir) throws Exception {
		FileSystemUtils.deleteRecursively(stateDir);
		Files.createDirectories(stateDir);
		long start = System.nanoTime();
		ConfigurableApplicationContext aggregator = new SpringApplicationBuilder(AggregatorApplication.class)
			.run(arguments.toArray(String[]::new));
		try {
			awaitRunning(aggregator, start);
			long covered = awaitCovered(aggregator, this.participants);
			figures.add(this.store.name(), "aggregator: restore after SIGKILL", RawKafka.seconds(start), "s",
					String.format("local state gone, %,d participants restored from the changelogs; counted %s",
							this.participants, (covered == this.participants) ? "exact" : covered + ""));
		}
		finally {
			aggregator.close();
			FileSystemUtils.deleteRecursively(stateDir);
		}
	}

	/**
	 * Waits until the aggregator's Kafka Streams job is running: its tasks assigned and
	 * their stores open, as the Kafka Streams reference is before its first phase starts.
	 */
	private void awaitRunning(ConfigurableApplicationContext aggregator, long startNanos) throws InterruptedException {
		StreamsBuilderFactoryBean job = aggregator.getBean(StreamsBuilderFactoryBean.class);
		long deadline = startNanos + this.phaseTimeout.toNanos();
		while ((job.getKafkaStreams() == null || job.getKafkaStreams().state() != KafkaStreams.State.RUNNING)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/** The national count once the view has it (it is written a flush after counting). */
	private long awaitCovered(ConfigurableApplicationContext aggregator, long expected) throws Exception {
		String port = aggregator.getEnvironment().getProperty("local.server.port");
		long deadline = System.nanoTime() + this.phaseTimeout.toNanos();
		long covered = covered(port);
		while (covered != expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
			covered = covered(port);
		}
		return covered;
	}

	private static long sizeOf(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private static long covered(String port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/coverage/national"))
				.header("Authorization", "Bearer " + READER_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body()).get("covered").asLong();
	}

}
