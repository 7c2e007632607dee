package id.ucj.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.ContributionPaid;
import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import id.ucj.contract.Segment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events every system under measure gets, as enrollment-service publishes them (JSON
 * value, CloudEvents headers, keyed by a 64-hex-digit participant id): round 0 registers
 * each participant in one of Jambi's 11 regencies; round 1 registers each again, a day
 * later, in the next one (a move); round 1 sent again is a duplicate; then each
 * participant's contribution for the capture month and the two after it (the monthly path
 * of effective coverage). Captured a few days before the run, so that every participant
 * is active in the run's month.
 */
final class Workload {

	static final List<String> JAMBI = List.of("15.01", "15.02", "15.03", "15.04", "15.05", "15.06", "15.07", "15.08",
			"15.09", "15.71", "15.72");

	static final ZoneId JAMBI_ZONE = ZoneId.of("Asia/Jakarta");

	/**
	 * The benchmark measures the running system, on the wall clock: a few days ago, at
	 * midnight UTC.
	 */
	static final Instant CAPTURED = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

	/**
	 * Rupiah a worker-month: BPU JKK+JKM at the lowest income band, what every
	 * contribution of the benchmark pays.
	 */
	static final long MONTHLY_PREMIUM = 16_800;

	/** Three months. */
	private static final long CONTRIBUTION = 3 * MONTHLY_PREMIUM;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> regencies;

	/**
	 * Participants spread over these regencies; a move is to the next one in the list.
	 */
	Workload(List<String> regencies) {
		this.regencies = List.copyOf(regencies);
	}

	/** Spread over Jambi's 11 regencies, or over all 514 ({@code national}). */
	static Workload of(String spread) {
		return new Workload("national".equals(spread)
				? Regions.official().regencies().stream().map(Regency::code).toList() : JAMBI);
	}

	/** Registrations of a round. Fails unless the broker acknowledged every record. */
	void produce(KafkaProducer<String, byte[]> producer, String topic, int round, int participants) {
		send(producer, topic, participants,
				(i) -> new ParticipantRegistered(
						UUID.nameUUIDFromBytes(("r" + round + "-" + i).getBytes(StandardCharsets.UTF_8)),
						CAPTURED.plus(Duration.ofDays(round)).plusSeconds(i % 86_400), participantId(i),
						this.regencies.get((i + round) % this.regencies.size()),
						(i % 3 == 0) ? Segment.PU : Segment.BPU, Set.of(Program.JKK, Program.JKM), FundingSource.APBD,
						null));
	}

	/** Each participant's contribution for the capture month and the two after it. */
	void produceContributions(KafkaProducer<String, byte[]> producer, String topic, int participants) {
		YearMonth captured = YearMonth.from(CAPTURED.atZone(JAMBI_ZONE));
		send(producer, topic, participants,
				(i) -> new ContributionPaid(UUID.nameUUIDFromBytes(("c-" + i).getBytes(StandardCharsets.UTF_8)),
						CAPTURED.plus(Duration.ofDays(2)).plusSeconds(i % 86_400), participantId(i), captured,
						captured.plusMonths(2), FundingSource.APBD, CONTRIBUTION));
	}

	/**
	 * Fails unless the broker acknowledged every record: a lost record would make every
	 * figure wrong.
	 */
	private static void send(KafkaProducer<String, byte[]> producer, String topic, int participants,
			IntFunction<ParticipantEvent> events) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		for (int i = 0; i < participants; i++) {
			ParticipantEvent event = events.apply(i);
			RecordHeaders headers = new RecordHeaders();
			headers.add(CloudEventHeaders.TYPE, event.type().ceType().getBytes(StandardCharsets.UTF_8));
			headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
			producer.send(
					new ProducerRecord<>(topic, null, event.participantId(), JSON.writeValueAsBytes(event), headers),
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

	static String participantId(int i) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("participant-" + i).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
