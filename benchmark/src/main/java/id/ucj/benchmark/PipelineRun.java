package id.ucj.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

import id.ucj.contract.ClientKey;

/**
 * The whole pipeline as field apps use it: the launcher runs the three services as their
 * own processes (embedded broker; on the H2 store, the launcher's own store process,
 * which is its default, so that its CPU is told apart from this benchmark's clients;
 * other stores through {@code MONGODB_URI}); registrations go through
 * enrollment-service's batch API from concurrent clients, and are counted when their
 * regency's count includes them.
 * <ul>
 * <li>sustained: every client sends batches as fast as it is answered; accepted/s from
 * the first request to the last answer, and counted/s until Sarolangun's count in its
 * snapshots has them all; then the same for a contribution of each participant (four
 * months of cover), counted when Sarolangun's snapshot forecasts them all active three
 * months ahead;</li>
 * <li>latency: batches sent at a fixed offered rate; each batch's latency runs from its
 * 202 to the moment the regency's count in its snapshots on {@code coverage-changes}
 * ({@link Snapshots}, read as they arrive, so that measuring puts no load on the
 * aggregator or the store) reaches the total up to and including it. These registrations
 * go to a regency whose workforce is what the run offers, so that it crosses 50%, its 65%
 * target, 80% and 95% while the run goes on: each crossing's time to the webhook runs
 * from the snapshot that crossed ({@code crossedAt}) to the moment the run's receiver got
 * the alert.</li>
 * </ul>
 */
final class PipelineRun {

	/**
	 * The run's own keys, generated for it and given to the launcher as the local ones.
	 */
	private static final String ENROLLER_KEY = ClientKey.generate();

	private static final String READER_KEY = ClientKey.generate();

	private static final String ADMIN_KEY = ClientKey.generate();

	/** Where the sustained run registers: Sarolangun. */
	private static final String SUSTAINED_REGENCY = "15.03";

	/**
	 * Where the latency run registers, so that its thresholds are crossed while it runs.
	 */
	private static final String CROSSING_REGENCY = "15.02";

	/**
	 * Where the latency run's warm-up registers: a regency with no workforce set, so no
	 * alert either.
	 */
	private static final String WARM_UP_REGENCY = "15.04";

	private static final int BATCH = 500;

	private static final int CLIENTS = 8;

	/**
	 * Months of cover each contribution of the sustained run pays, from the regency's
	 * current month.
	 */
	private static final int COVER_MONTHS = 4;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Store store;

	private final Path launcherJar;

	private final Path directory;

	PipelineRun(Store store, Path launcherJar, Path directory) {
		this.store = store;
		this.launcherJar = launcherJar;
		this.directory = directory;
	}

	void measure(Figures figures, int participants, int offeredPerSecond, Duration warmUp, Duration latencyRun)
			throws Exception {
		int enrollment = freePort();
		int aggregator = freePort();
		int kafka = freePort();
		WebhookReceiver webhook = new WebhookReceiver();
		Process launcher = start(enrollment, aggregator, kafka, webhook);
		try {
			awaitReady(launcher);
			Snapshots snapshots = new Snapshots("127.0.0.1:" + kafka, "coverage-changes");
			try (snapshots) {
				measure(figures, launcher, snapshots, "http://127.0.0.1:" + enrollment,
						"http://127.0.0.1:" + aggregator, participants, offeredPerSecond, warmUp, latencyRun, webhook);
			}
		}
		finally {
			webhook.close();
			launcher.destroy();
			if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
			}
		}
	}

	private void measure(Figures figures, Process launcher, Snapshots snapshots, String enroll, String aggregator,
			int participants, int offeredPerSecond, Duration warmUp, Duration latencyRun, WebhookReceiver webhook)
			throws Exception {
		// Sarolangun crosses half of this workforce during the sustained run, so that the
		// latency run measures a
		// notifier that has delivered an alert before, as one that has been running does
		// (the first delivery after a
		// start loads and compiles the delivery path: about half a second more, once).
		setWorkforce(aggregator, SUSTAINED_REGENCY, 2L * participants, 0.65);
		long before = snapshots.coveredNow(SUSTAINED_REGENCY);

		long start = System.nanoTime();
		sendAll(participants, (first, last) -> post(enroll + "/api/v1/registrations/batch", "registrations", first,
				last, (i) -> registration(i, SUSTAINED_REGENCY)));
		double accepted = participants / RawKafka.seconds(start);
		awaitCounted("registration", () -> snapshots.covered(SUSTAINED_REGENCY, Duration.ofMillis(20)) - before,
				participants);
		double counted = participants / RawKafka.seconds(start);
		figures.add(this.store.name(), "pipeline: registrations accepted (HTTP batches)", accepted, "per second",
				CLIENTS + " clients, " + BATCH + " a batch");
		figures.add(this.store.name(), "pipeline: registrations counted end to end", counted, "per second",
				String.format("%,d participants", participants));
		contributions(figures, snapshots, enroll, participants);

		latency(figures, launcher, snapshots, enroll + "/api/v1/registrations/batch", aggregator, participants,
				offeredPerSecond, warmUp, latencyRun, webhook);
	}

	/**
	 * Every participant of the sustained run then pays four months of cover, from
	 * Sarolangun's current month, through the contributions batch API: the monthly path
	 * of effective coverage. A contribution is counted when Sarolangun's snapshot
	 * forecasts its participant as still active three months ahead, which only paid cover
	 * does (a registration alone pays its own month, and lapses two months after).
	 */
	private void contributions(Figures figures, Snapshots snapshots, String enroll, int participants) throws Exception {
		YearMonth month = snapshots.monthNow(SUSTAINED_REGENCY);
		YearMonth through = month.plusMonths(COVER_MONTHS - 1);
		YearMonth ahead = month.plusMonths(3);
		long before = snapshots.activeIn(SUSTAINED_REGENCY, ahead, Duration.ZERO);
		long start = System.nanoTime();
		sendAll(participants, (first, last) -> post(enroll + "/api/v1/contributions/batch", "contributions", first,
				last, (i) -> contribution(i, SUSTAINED_REGENCY, month, through)));
		double accepted = participants / RawKafka.seconds(start);
		awaitCounted("contribution", () -> snapshots.activeIn(SUSTAINED_REGENCY, ahead, Duration.ofMillis(20)) - before,
				participants);
		double counted = participants / RawKafka.seconds(start);
		figures.add(this.store.name(), "pipeline: contributions accepted (HTTP batches)", accepted, "per second",
				CLIENTS + " clients, " + BATCH + " a batch");
		figures.add(this.store.name(), "pipeline: contributions counted end to end", counted, "per second",
				String.format("%,d participants paying %s to %s", participants, month, through));
	}

	/**
	 * Sends items 0 to {@code count}, {@value #BATCH} a batch, from {@value #CLIENTS}
	 * concurrent clients.
	 */
	private static void sendAll(int count, Batch batch) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int from = 0; from < count; from += BATCH) {
				int first = from;
				int last = Math.min(count, from + BATCH);
				sent.add(clients.submit(() -> batch.send(first, last)));
			}
			for (Future<?> each : sent) {
				each.get();
			}
		}
		finally {
			clients.shutdown();
		}
	}

	@FunctionalInterface
	private interface Batch {

		Object send(int first, int last) throws Exception;

	}

	/** Waits until {@code counted} reaches {@code expected}, 30 minutes at most. */
	private static void awaitCounted(String what, LongSupplier counted, long expected) {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (counted.getAsLong() < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Sarolangun's snapshots did not count every " + what + " within 30 minutes");
			}
		}
	}

	private void latency(Figures figures, Process launcher, Snapshots snapshots, String enroll, String aggregator,
			int offset, int offeredPerSecond, Duration warmUp, Duration run, WebhookReceiver webhook) throws Exception {
		// The same load first, unmeasured, in a regency of its own: for the first minute
		// or so after a start, the
		// JIT compilers of five JVMs take close to a core of the two, and the latency
		// measured then is theirs.
		Offer warming = Offer.of(offeredPerSecond, warmUp);
		offer(snapshots, enroll, WARM_UP_REGENCY, offset, warming);
		Offer measured = Offer.of(offeredPerSecond, run);
		setWorkforce(aggregator, CROSSING_REGENCY, measured.registrations(), 0.65);
		Map<String, Duration> cpuBefore = CpuUse.read(launcher, launcherStore());
		Histogram latencies = offer(snapshots, enroll, CROSSING_REGENCY, offset + warming.registrations(), measured);
		Map<String, Duration> cpuAfter = CpuUse.read(launcher, launcherStore());
		String note = String.format(
				"%,d registrations offered at %,d/s in batches of %d, after %d s of the same unmeasured",
				measured.registrations(), offeredPerSecond, measured.perBatch(), warmUp.toSeconds());
		figures.add(this.store.name(), "pipeline: 202 to counted, p50", latencies.getValueAtPercentile(50), "ms", note);
		figures.add(this.store.name(), "pipeline: 202 to counted, p95", latencies.getValueAtPercentile(95), "ms", "");
		figures.add(this.store.name(), "pipeline: 202 to counted, p99", latencies.getValueAtPercentile(99), "ms",
				"target < 250 ms");
		figures.add(this.store.name(), "pipeline: 202 to counted, max", latencies.getMaxValue(), "ms", "");
		cpu(figures, cpuBefore, cpuAfter, measured);
		crossings(figures, webhook);
	}

	/**
	 * Where the latency run's CPU went: per registration and as a share of the run's
	 * time, process by process.
	 */
	private void cpu(Figures figures, Map<String, Duration> before, Map<String, Duration> after, Offer offer) {
		double seconds = offer.batches() * offer.interval() / 1e9;
		Duration system = Duration.ZERO;
		for (Map.Entry<String, Duration> process : after.entrySet()) {
			Duration spent = process.getValue().minus(before.getOrDefault(process.getKey(), Duration.ZERO));
			cpuFigure(figures, process.getKey(), spent, offer, seconds);
			if (!process.getKey().equals(CpuUse.BENCHMARK)) {
				system = system.plus(spent);
			}
		}
		if (launcherStore()) {
			cpuFigure(figures, "the system (every process but the benchmark's)", system, offer, seconds);
		}
	}

	private void cpuFigure(Figures figures, String process, Duration spent, Offer offer, double seconds) {
		figures.add(this.store.name(), "pipeline: CPU per registration, " + process,
				Math.round(spent.toNanos() / 1e3 / offer.registrations()), "µs",
				String.format("%.0f%% of a core during the latency run", 100 * spent.toNanos() / 1e9 / seconds));
	}

	/**
	 * Registrations offered at a fixed rate for a while, in batches of a hundredth of the
	 * rate.
	 */
	private record Offer(int perBatch, long interval, int batches) {

		static Offer of(int perSecond, Duration run) {
			int perBatch = Math.max(1, perSecond / 100);
			long interval = 1_000_000_000L / (perSecond / perBatch);
			return new Offer(perBatch, interval, (int) (run.toNanos() / interval));
		}

		int registrations() {
			return this.batches * this.perBatch;
		}

	}

	/**
	 * Offers the registrations into {@code regency} and returns each batch's time from
	 * its 202 to counted.
	 */
	private Histogram offer(Snapshots snapshots, String enroll, String regency, int offset, Offer offer)
			throws Exception {
		long before = snapshots.coveredNow(regency);
		long[] answered = new long[offer.batches()];
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> sent = new CopyOnWriteArrayList<>();
		ExecutorService offering = Executors.newSingleThreadExecutor();
		// Offered on a thread of its own, so that counting is observed while
		// registrations keep coming.
		Future<?> offered = offering.submit(() -> {
			long start = System.nanoTime();
			for (int i = 0; i < offer.batches(); i++) {
				int batch = i;
				// Parked, not spinning: a spinning client would take one of the two cores
				// the run measures.
				LockSupport.parkNanos(start + i * offer.interval() - System.nanoTime());
				int first = offset + i * offer.perBatch();
				sent.add(clients.submit(() -> {
					post(enroll, "registrations", first, first + offer.perBatch(), (n) -> registration(n, regency));
					answered[batch] = System.nanoTime();
					return null;
				}));
			}
			return null;
		});
		Histogram latencies = new Histogram(3);
		int next = 0;
		while (next < offer.batches()) {
			// Returns as soon as a snapshot arrives, or after 5 ms.
			long covered = snapshots.covered(regency, Duration.ofMillis(5)) - before;
			long now = System.nanoTime();
			while (next < sent.size() && covered >= (long) (next + 1) * offer.perBatch() && sent.get(next).isDone()) {
				sent.get(next).get();
				latencies.recordValue(Math.max(0, (now - answered[next]) / 1_000_000));
				next++;
			}
		}
		offered.get();
		offering.shutdown();
		clients.shutdown();
		return latencies;
	}

	/**
	 * The crossings of the latency run's regency as its webhook received them (up to 30 s
	 * after the run).
	 */
	private void crossings(Figures figures, WebhookReceiver webhook) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<WebhookReceiver.Received> crossings = List.of();
		while (crossings.size() < 4 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			crossings = webhook.received()
				.stream()
				.filter((received) -> CROSSING_REGENCY.equals(received.alert().get("regencyCode").asString()))
				.filter((received) -> "REACHED".equals(received.alert().get("direction").asString()))
				.toList();
		}
		Histogram toWebhook = new Histogram(3);
		StringJoiner each = new StringJoiner(", ", "each: ", "; target < 500 ms");
		for (WebhookReceiver.Received received : crossings) {
			Instant crossedAt = Instant.parse(received.alert().get("crossedAt").asString());
			Instant detectedAt = Instant.parse(received.alert().get("detectedAt").asString());
			long millis = Math.max(0, Duration.between(crossedAt, received.at()).toMillis());
			toWebhook.recordValue(millis);
			each.add(String.format("%.0f%% %,d ms (detected after %,d)",
					received.alert().get("threshold").asDouble() * 100, millis,
					Duration.between(crossedAt, detectedAt).toMillis()));
		}
		String note = String.format("%d crossings (50%%, 65%% target, 80%%, 95%%) of %s", crossings.size(),
				CROSSING_REGENCY);
		figures.add(this.store.name(), "pipeline: crossing to webhook, p50", toWebhook.getValueAtPercentile(50), "ms",
				note);
		figures.add(this.store.name(), "pipeline: crossing to webhook, max", toWebhook.getMaxValue(), "ms",
				each.toString());
	}

	private void setWorkforce(String aggregator, String regency, long workforce, double target) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(aggregator + "/api/v1/regencies/" + regency))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"workforce\": " + workforce + ", \"target\": " + target + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Could not set " + regency + ": " + response.statusCode() + " " + response.body());
		}
	}

	private Object post(String url, String items, int first, int last, IntFunction<String> item)
			throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder("{\"" + items + "\": [");
		for (int i = first; i < last; i++) {
			body.append((i > first) ? "," : "").append(item.apply(i));
		}
		body.append("]}");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ENROLLER_KEY)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("REJECTED")) {
			throw new IllegalStateException("Batch " + first + ".." + last + " not accepted: " + response.statusCode()
					+ " " + response.body().substring(0, Math.min(300, response.body().length())));
		}
		return null;
	}

	/** Participant {@code i} registered in {@code regency}. */
	private static String registration(int i, String regency) {
		return "{\"nik\":\"" + nik(i) + "\",\"regencyCode\":\"" + regency
				+ "\",\"segment\":\"BPU\",\"programs\":[\"JKK\",\"JKM\"],"
				+ "\"fundingSource\":\"APBD\",\"registeredAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
	}

	/**
	 * Participant {@code i}'s JKK+JKM cover from {@code from} through {@code through},
	 * paid from the regency's budget.
	 */
	private static String contribution(int i, String regency, YearMonth from, YearMonth through) {
		return "{\"nik\":\"" + nik(i) + "\",\"regencyCode\":\"" + regency + "\",\"coverFrom\":\"" + from
				+ "\",\"coverThrough\":\"" + through + "\",\"fundingSource\":\"APBD\",\"amount\":"
				+ COVER_MONTHS * Workload.MONTHLY_PREMIUM + ",\"paidAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
	}

	/** A synthetic, valid NIK issued in Sarolangun, one per index. */
	private static String nik(int i) {
		int district = 1 + i / 9999 % 99;
		int serial = 1 + i % 9999;
		int day = 1 + (i / (9999 * 99)) % 28;
		return String.format("1503%02d%02d%02d%02d%04d", district, day, 1 + i % 12, 60 + i % 40, serial);
	}

	private Process start(int enrollment, int aggregator, int kafka, WebhookReceiver webhook) throws IOException {
		Files.createDirectories(this.directory);
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", this.launcherJar.toString())
			.directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("launcher.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.remove("KAFKA_BOOTSTRAP_SERVERS");
		if (!launcherStore()) {
			environment.put("MONGODB_URI", this.store.uri("ucj-pipeline"));
		}
		environment.put("UCJ_DATA_DIR", this.directory.resolve("var").toString());
		environment.put("UCJ_ENROLLER_KEY", ENROLLER_KEY);
		environment.put("UCJ_READER_KEY", READER_KEY);
		environment.put("UCJ_ADMIN_KEY", ADMIN_KEY);
		environment.put("UCJ_CHANNELS_WEBHOOK_URL", webhook.url());
		environment.put("UCJ_CHANNELS_WEBHOOK_SECRET", ClientKey.generate());
		// The run measures throughput, not the per-client rate limit (one client sends
		// every batch here).
		environment.put("UCJ_SECURITY_RATELIMIT_PERSECOND", "1000000");
		environment.put("UCJ_SECURITY_RATELIMIT_BURST", "1000000");
		environment.put("UCJ_SERVICES_DIR", this.launcherJar.getParent().resolve("services").toString());
		environment.put("ENROLLMENT_PORT", Integer.toString(enrollment));
		environment.put("AGGREGATOR_PORT", Integer.toString(aggregator));
		environment.put("NOTIFICATION_PORT", Integer.toString(freePort()));
		environment.put("UCJ_KAFKA_PORT", Integer.toString(kafka));
		environment.put("UCJ_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
		environment.put("UCJ_MONGO_PORT", Integer.toString(freePort()));
		return builder.start();
	}

	private void awaitReady(Process launcher) throws Exception {
		Path log = this.directory.resolve("launcher.log");
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (!(Files.exists(log) && Files.readString(log).contains("UCJ Coverage is running"))) {
			if (!launcher.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("The launcher did not start; see " + log);
			}
			Thread.sleep(200);
		}
	}

	/**
	 * A port free now on loopback, below the ephemeral range (32768 and up on Linux): a
	 * port the system handed out as ephemeral could be taken by one of the run's own
	 * outgoing connections before the launcher binds it.
	 */
	/**
	 * The H2 file store is the launcher's default: the launcher runs it, a process of its
	 * own, rather than this benchmark's copy of it.
	 */
	private boolean launcherStore() {
		return this.store.name().equals("h2");
	}

	private static int freePort() throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new IOException("No free port found on loopback between 20000 and 32000");
	}

}
