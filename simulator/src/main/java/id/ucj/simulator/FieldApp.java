package id.ucj.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads registrations as field apps do: in batches, several apps at once, at a given
 * rate, retrying on 503 or a broken connection, sometimes submitting a registration twice
 * or resending a batch whose answer was lost. Keeps the tally of what the service
 * accepted.
 */
final class FieldApp implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI enrollment;

	private final Options options;

	private final ExecutorService apps;

	private final RetryPolicy<HttpResponse<String>> retry;

	private final String key;

	private final AtomicLong nextSlotNanos = new AtomicLong(System.nanoTime());

	final Set<String> acceptedNiks = ConcurrentHashMap.newKeySet();

	final AtomicLong accepted = new AtomicLong();

	final AtomicLong rejected = new AtomicLong();

	final AtomicLong duplicates = new AtomicLong();

	final AtomicLong resent = new AtomicLong();

	final AtomicLong retries = new AtomicLong();

	final AtomicLong contributions = new AtomicLong();

	FieldApp(Options options) {
		this.options = options;
		this.enrollment = options.enrollment;
		this.apps = Executors.newFixedThreadPool(Math.max(1, options.concurrency));
		this.key = options.enrollerKey();
		this.retry = RetryPolicy.<HttpResponse<String>>builder()
			.handle(IOException.class)
			.handleResultIf((response) -> response.statusCode() == 429 || response.statusCode() >= 500)
			.withBackoff(Duration.ofMillis(500), Duration.ofSeconds(10))
			.withDelayFn(RetryAfter::delay)
			.withMaxDuration(Duration.ofMinutes(10))
			.withMaxRetries(-1)
			.onRetry((event) -> this.retries.incrementAndGet())
			.build();
	}

	/**
	 * Uploads the registrations in batches; calls {@code progress} with each batch's size
	 * once it is answered.
	 */
	void register(List<Participants.Registration> registrations, IntConsumer progress) {
		List<Future<?>> uploads = new ArrayList<>();
		int size = Math.max(1, Math.min(1000, this.options.batchSize));
		List<Participants.Registration> again = new ArrayList<>();
		for (int from = 0; from < registrations.size(); from += size) {
			List<Participants.Registration> batch = new ArrayList<>(
					registrations.subList(from, Math.min(registrations.size(), from + size)));
			SplittableRandom random = Participants.random(this.options.seed, -from - 1);
			// Registrations a field app submitted twice go again in its next batch.
			batch.addAll(again);
			this.duplicates.addAndGet(again.size());
			again = batch.stream()
				.filter((r) -> random.nextDouble() < this.options.duplicates)
				.limit(size / 10 + 1)
				.toList();
			boolean lostAnswer = random.nextDouble() < this.options.lostResponses;
			int items = Math.min(size, registrations.size() - from);
			uploads.add(this.apps.submit(() -> {
				pace(batch.size());
				upload(batch);
				if (lostAnswer) {
					this.resent.incrementAndGet();
					upload(batch);
				}
				progress.accept(items);
				return null;
			}));
		}
		if (!again.isEmpty()) {
			List<Participants.Registration> last = again;
			this.duplicates.addAndGet(last.size());
			uploads.add(this.apps.submit(() -> {
				upload(last);
				return null;
			}));
		}
		awaitAll(uploads);
	}

	/**
	 * Records {@code months} of paid cover for each of these participants, from the month
	 * {@code from} gives, as the regency's treasury (or their employer) does: batches of
	 * contributions.
	 */
	void contribute(List<Participants.Registration> paidFor, Function<Participants.Registration, YearMonth> firstMonth,
			int months, IntConsumer progress) {
		int size = Math.max(1, Math.min(1000, this.options.batchSize));
		List<Future<?>> uploads = new ArrayList<>();
		for (int from = 0; from < paidFor.size(); from += size) {
			List<Participants.Registration> batch = paidFor.subList(from, Math.min(paidFor.size(), from + size));
			uploads.add(this.apps.submit(() -> {
				List<Map<String, Object>> contributions = batch.stream().map((registration) -> {
					YearMonth start = firstMonth.apply(registration);
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("nik", registration.nik());
					body.put("regencyCode", registration.regencyCode());
					body.put("coverFrom", start.toString());
					body.put("coverThrough", start.plusMonths(months - 1).toString());
					body.put("fundingSource", registration.fundingSource());
					body.put("amount", Participants.JKK_JKM_MONTHLY * months);
					body.put("paidAt", Instant.now().minusSeconds(60).toString());
					return body;
				}).toList();
				HttpResponse<String> response = post("/api/v1/contributions/batch",
						Map.of("contributions", contributions));
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"Contributions refused with " + response.statusCode() + ": " + response.body());
				}
				this.contributions.addAndGet(batch.size());
				progress.accept(batch.size());
				return null;
			}));
		}
		awaitAll(uploads);
	}

	private static void awaitAll(List<Future<?>> uploads) {
		for (Future<?> upload : uploads) {
			try {
				upload.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Upload failed: " + ex.getMessage(), ex);
			}
		}
	}

	/** Deregisters, one request each, as field apps do. */
	void deregister(List<String> niks, Duration beforeNow, IntConsumer progress) {
		List<Future<?>> uploads = new ArrayList<>();
		for (String nik : niks) {
			uploads.add(this.apps.submit(() -> {
				pace(1);
				Map<String, Object> body = Map.of("nik", nik, "reason", "LEFT_WORKFORCE", "deregisteredAt",
						Instant.now().minus(beforeNow).toString());
				HttpResponse<String> response = post("/api/v1/deregistrations", body);
				if (response.statusCode() == 202) {
					this.accepted.incrementAndGet();
				}
				else {
					this.rejected.incrementAndGet();
				}
				progress.accept(1);
				return null;
			}));
		}
		uploads.forEach((upload) -> {
			try {
				upload.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Upload failed: " + ex.getMessage(), ex);
			}
		});
	}

	private void upload(List<Participants.Registration> batch) {
		HttpResponse<String> response = post("/api/v1/registrations/batch",
				Map.of("registrations", batch.stream().map(Participants.Registration::body).toList()));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Batch refused with " + response.statusCode() + ": " + response.body());
		}
		JsonNode results = JSON.readTree(response.body()).get("results");
		for (int i = 0; i < batch.size(); i++) {
			if ("ACCEPTED".equals(results.get(i).get("status").asString())) {
				this.accepted.incrementAndGet();
				this.acceptedNiks.add(batch.get(i).nik());
			}
			else {
				this.rejected.incrementAndGet();
			}
		}
	}

	private HttpResponse<String> post(String path, Object body) {
		HttpRequest request = HttpRequest.newBuilder(this.enrollment.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.key)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
		return Failsafe.with(this.retry).get(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/** Holds to the requested rate across all apps. */
	private void pace(int registrations) throws InterruptedException {
		if (this.options.rate <= 0) {
			return;
		}
		long cost = (long) (registrations * 1e9 / this.options.rate);
		long slot = this.nextSlotNanos.getAndAdd(cost);
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	@Override
	public void close() {
		this.apps.shutdownNow();
	}

}
