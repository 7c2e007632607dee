package id.ucj.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar benchmark/target/ucj-benchmark.jar}: one run, on this machine, of the
 * raw Kafka ceiling, each store's bulk-write ceiling and the aggregator on the same
 * events; prints a table and writes the same figures as JSON.
 */
@Command(name = "ucj-benchmark", mixinStandardHelpOptions = true,
		description = "Measures Kafka, the store and the coverage-aggregator on this machine, and prints the figures.")
public final class Benchmark implements Callable<Integer> {

	/**
	 * The aggregator's largest batch ({@code spring.kafka.consumer.max-poll-records}):
	 * the store ceiling's bulks and the raw consumer's polls are as large, so that the
	 * ratios compare like with like.
	 */
	static final int AGGREGATOR_BATCH = 5000;

	@Option(names = "--participants", defaultValue = "100000",
			description = "Participants per aggregator phase (default ${DEFAULT-VALUE}).")
	int participants;

	@Option(names = "--store", split = ",", defaultValue = "memory,h2",
			description = "Stores to measure: memory, h2 (the project's two mongo-java-server backends), mongodb (MONGODB_URI). Default ${DEFAULT-VALUE}.")
	List<String> stores;

	@Option(names = "--known",
			description = "Participants the known-participant phases (moves, duplicates, contributions) take, out of all those registered (default: all of them).")
	Integer known;

	@Option(names = "--runs", split = ",", defaultValue = "raw,streams,store,aggregator,pipeline",
			description = "What to measure: raw (Kafka), streams (the Kafka Streams reference), store (bulk-upsert ceiling), aggregator, pipeline. Default ${DEFAULT-VALUE}.")
	Set<String> runs;

	@Option(names = "--regencies", defaultValue = "jambi",
			description = "Where the aggregator phases' participants are: jambi (11 regencies) or national (all 514). Default ${DEFAULT-VALUE}.")
	String regencies;

	@Option(names = "--engine-warm-up", defaultValue = "300000",
			description = "Participants of an unmeasured pass of the Kafka Streams reference and of the aggregator, each on topics, state and a database of its own, before each is measured, so that both are measured with their code compiled; 0 measures them cold (default ${DEFAULT-VALUE}).")
	int engineWarmUp;

	@Option(names = "--phase-timeout", defaultValue = "PT5M",
			description = "Longest wait for one aggregator phase (default ${DEFAULT-VALUE}).")
	Duration phaseTimeout;

	@Option(names = "--launcher", defaultValue = "launcher/target/ucj-launcher.jar",
			description = "The launcher for the whole-pipeline run, or none to skip it (default ${DEFAULT-VALUE}).")
	String launcher;

	@Option(names = "--offered-rate", defaultValue = "2000",
			description = "Registrations a second offered in the latency run (default ${DEFAULT-VALUE}).")
	int offeredRate;

	@Option(names = "--warm-up", defaultValue = "PT30S",
			description = "How long the same load is offered, unmeasured, before the latency run (default ${DEFAULT-VALUE}).")
	Duration warmUp;

	@Option(names = "--latency-run", defaultValue = "PT30S",
			description = "How long the latency run offers registrations (default ${DEFAULT-VALUE}).")
	Duration latencyRun;

	@Option(names = "--output", defaultValue = "benchmark/target/benchmark.json",
			description = "JSON output (default ${DEFAULT-VALUE}).")
	Path output;

	public static void main(String[] args) {
		System.exit(new CommandLine(new Benchmark()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		Figures figures = new Figures();
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		// One broker: the transaction log of exactly-once Kafka Streams must fit on it.
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.afterPropertiesSet();
		Path work = Files.createTempDirectory("ucj-benchmark");
		try {
			String kafka = broker.getBrokersAsString();
			int known = known();
			Workload workload = Workload.of(this.regencies);
			if (this.runs.contains("raw")) {
				double[] raw = RawKafka.measure(kafka, "raw", this.participants, 300);
				figures.add("-", "raw Kafka: produce (acks=all, idempotent)", raw[0], "records/s", "300-byte records");
				figures.add("-", "raw Kafka: consume", raw[1], "records/s", "");
			}
			if (this.runs.contains("streams")) {
				if (this.engineWarmUp > 0) {
					new StreamsRun(kafka, workload, this.engineWarmUp, this.engineWarmUp, this.phaseTimeout,
							work.resolve("streams-warm-up"), Pass.WARM_UP)
						.measure(new Figures());
				}
				new StreamsRun(kafka, workload, this.participants, known, this.phaseTimeout, work.resolve("streams"),
						Pass.MEASURED)
					.measure(figures);
			}
			for (String kind : this.stores) {
				try (Store store = Store.start(kind, work.resolve(kind))) {
					if (this.runs.contains("store")) {
						double ceiling = StoreCeiling.measure(store, this.participants, AGGREGATOR_BATCH);
						figures.add(kind, "store: unordered bulk upserts by _id", ceiling, "documents/s",
								"membership-sized");
					}
					if (this.runs.contains("aggregator")) {
						if (this.engineWarmUp > 0) {
							new AggregatorRun(kafka, store, workload, this.engineWarmUp, this.engineWarmUp,
									this.phaseTimeout, Pass.WARM_UP)
								.measure(new Figures());
						}
						new AggregatorRun(kafka, store, workload, this.participants, known, this.phaseTimeout,
								Pass.MEASURED)
							.measure(figures);
					}
					if (this.runs.contains("pipeline") && !"none".equals(this.launcher)) {
						new PipelineRun(store, Path.of(this.launcher).toAbsolutePath(),
								work.resolve("pipeline-" + kind))
							.measure(figures, this.participants, this.offeredRate, this.warmUp, this.latencyRun);
					}
					ratios(figures, kind);
				}
			}
		}
		finally {
			broker.destroy();
		}
		figures.print(System.out);
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("at", Instant.now().toString());
		run.put("participants", this.participants);
		run.put("known", known());
		run.put("engineWarmUp", this.engineWarmUp);
		run.put("runs", this.runs);
		run.put("regencies", this.regencies);
		run.put("cores", Runtime.getRuntime().availableProcessors());
		run.put("java", System.getProperty("java.version"));
		figures.write(this.output, run);
		System.out.println("\nFigures written to " + this.output.toAbsolutePath());
		return 0;
	}

	/**
	 * Participants the known-participant phases take: {@code --known}, at most all of
	 * them.
	 */
	private int known() {
		return (this.known != null) ? Math.min(this.known, this.participants) : this.participants;
	}

	/**
	 * The ratios the targets are stated in, for those whose figures this run measured.
	 */
	private static void ratios(Figures figures, String kind) {
		double fresh = figures.value(kind, "aggregator: new participants");
		double raw = figures.value("-", "raw Kafka: produce (acks=all, idempotent)");
		ratio(figures, kind, "ratio: aggregator (new) / store ceiling", fresh,
				figures.value(kind, "store: unordered bulk upserts by _id"), "target >= 0.7");
		double slowestKnown = Stream.of("moves", "duplicates", "contributions")
			.mapToDouble((phase) -> figures.value(kind, "aggregator: " + phase + " (known participants)"))
			.min()
			.orElseThrow();
		ratio(figures, kind, "ratio: known participants (slowest phase) / new", slowestKnown, fresh, "target >= 0.5");
		ratio(figures, kind, "ratio: aggregator (new) / raw Kafka produce", fresh, raw, "");
		ratio(figures, kind, "ratio: pipeline (counted) / raw Kafka produce",
				figures.value(kind, "pipeline: registrations counted end to end"), raw, "target >= 0.3");
		ratio(figures, kind, "ratio: aggregator / Kafka Streams (new)", fresh,
				figures.value("rocksdb", "Kafka Streams: new participants"), "target >= 1.5");
		for (String phase : List.of("moves", "contributions")) {
			ratio(figures, kind, "ratio: aggregator / Kafka Streams (" + phase + ")",
					figures.value(kind, "aggregator: " + phase + " (known participants)"),
					figures.value("rocksdb", "Kafka Streams: " + phase + " (known participants)"), "target >= 1.5");
		}
	}

	/** Adds {@code of / to} unless one of them was not measured in this run. */
	private static void ratio(Figures figures, String kind, String measure, double of, double to, String note) {
		if (Double.isFinite(of) && Double.isFinite(to) && to > 0) {
			figures.add(kind, measure, of / to, "", note);
		}
	}

}
