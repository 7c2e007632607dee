package id.ucj.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import id.ucj.aggregator.AggregatorApplication;
import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage-aggregator alone, in this JVM, against the broker and the store: participant events are put on its
 * topic with a plain producer (as enrollment-service does), and each phase is timed from its first record to the
 * moment the aggregator has processed its last. Phases: new participants, then every one of them moving to another
 * regency, then every move uploaded again (duplicates). The last two take the path of every event about a known
 * participant: deregistrations and, with effective coverage, every monthly contribution.
 */
final class AggregatorRun {

	private static final List<String> JAMBI = List.of("15.01", "15.02", "15.03", "15.04", "15.05", "15.06", "15.07",
			"15.08", "15.09", "15.71", "15.72");

	private static final Instant CAPTURED = Instant.parse("2024-10-14T00:00:00Z");

	private final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrapServers;

	private final Store store;

	private final int participants;

	private final Duration phaseTimeout;

	AggregatorRun(String bootstrapServers, Store store, int participants, Duration phaseTimeout) {
		this.bootstrapServers = bootstrapServers;
		this.store = store;
		this.participants = participants;
		this.phaseTimeout = phaseTimeout;
	}

	void measure(Figures figures) throws Exception {
		String topic = "participant-events-" + this.store.name();
		RawKafka.createTopic(this.bootstrapServers, topic, 6);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(RawKafka.producer(this.bootstrapServers))) {
			produce(producer, topic, 0);
			ConfigurableApplicationContext aggregator = new SpringApplicationBuilder(AggregatorApplication.class)
				.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
						"--logging.level.root=WARN", "--spring.kafka.bootstrap-servers=" + this.bootstrapServers,
						"--spring.mongodb.uri=" + this.store.uri("ucj-benchmark"), "--ucj.topics.participant-events=" + topic,
						"--ucj.topics.coverage-changes=coverage-changes-" + this.store.name(),
						"--spring.kafka.consumer.group-id=aggregator-" + this.store.name());
			try {
				MeterRegistry meters = aggregator.getBean(MeterRegistry.class);
				phase(figures, "aggregator: new participants", meters, 1, System.nanoTime());
				long start = System.nanoTime();
				produce(producer, topic, 1);
				phase(figures, "aggregator: moves (known participants)", meters, 2, start);
				start = System.nanoTime();
				produce(producer, topic, 1);
				phase(figures, "aggregator: duplicates (known participants)", meters, 3, start);
				long all = processed(meters);
				figures.add(this.store.name(), "aggregator: events processed", all, "events",
						(all == 3L * this.participants) ? "all of them" : "expected " + 3L * this.participants);
				long covered = covered(aggregator.getEnvironment().getProperty("local.server.port"));
				figures.add(this.store.name(), "aggregator: participants counted", covered, "participants",
						(covered == this.participants) ? "exact" : "expected " + this.participants);
			}
			finally {
				aggregator.close();
			}
		}
	}

	/**
	 * Registers every participant in the regency of {@code round} (0: first registration, 1: moved on by one), and
	 * fails the run unless the broker acknowledged every record: a lost record would make every figure wrong.
	 */
	private void produce(KafkaProducer<String, byte[]> producer, String topic, int round) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		for (int i = 0; i < this.participants; i++) {
			ParticipantEvent event = new ParticipantRegistered(UUID.nameUUIDFromBytes(("r" + round + "-" + i).getBytes()),
					CAPTURED.plus(Duration.ofDays(round)).plusSeconds(i % 86_400), participantId(i),
					JAMBI.get((i + round) % JAMBI.size()), (i % 3 == 0) ? Segment.PU : Segment.BPU,
					Set.of(Program.JKK, Program.JKM), FundingSource.APBD);
			RecordHeaders headers = new RecordHeaders();
			headers.add(CloudEventHeaders.TYPE, event.type().ceType().getBytes(StandardCharsets.UTF_8));
			headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
			producer.send(new ProducerRecord<>(topic, null, event.participantId(), this.json.writeValueAsBytes(event), headers),
					(metadata, exception) -> {
						if (exception != null) {
							failure.compareAndSet(null, exception);
						}
					});
		}
		producer.flush();
		if (failure.get() != null) {
			throw new IllegalStateException("The broker did not acknowledge every record", failure.get());
		}
	}

	private void phase(Figures figures, String measure, MeterRegistry meters, int rounds, long startNanos)
			throws InterruptedException {
		long target = (long) rounds * this.participants;
		long deadline = startNanos + this.phaseTimeout.toNanos();
		long processed = processed(meters);
		while (processed < target && System.nanoTime() < deadline) {
			Thread.sleep(50);
			processed = processed(meters);
		}
		long done = processed - (long) (rounds - 1) * this.participants;
		double seconds = RawKafka.seconds(startNanos);
		String note = (processed >= target) ? String.format("%,d events in %.1f s", this.participants, seconds)
				: String.format("stopped after %.0f s with %,d of %,d processed", seconds, done, this.participants);
		figures.add(this.store.name(), measure, done / seconds, "events/s", note);
	}

	private static long processed(MeterRegistry meters) {
		return (long) meters.find("ucj.aggregator.events").counters().stream().mapToDouble(Counter::count).sum();
	}

	private static long covered(String port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/coverage/national")).build(),
					HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body()).get("covered").asLong();
	}

	/** Shaped like enrollment-service's pseudonyms: 64 hex digits. */
	static String participantId(int i) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(("participant-" + i).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
