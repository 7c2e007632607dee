package id.ucj.simulator.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import id.ucj.simulator.Participants;
import id.ucj.simulator.RetryAfter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field apps under faults: registrations in batches, moves, deregistrations,
 * contributions, late uploads (a move sent before the registration it follows) and
 * duplicate submissions, sent by apps that retry as real ones do (503, a broken
 * connection, 429 with {@code Retry-After}) until they get an answer. Only what the
 * system acknowledged goes into the {@link Model}.
 */
final class Load implements AutoCloseable {

	/** Jambi's regencies: one time zone (WIB), and one province to read back. */
	static final List<String> REGENCIES = List.of("15.01", "15.02", "15.03", "15.04", "15.05", "15.06", "15.07",
			"15.08");

	static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 100;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI enrollment;

	private final String key;

	private final Model model;

	private final Random random;

	private final ExecutorService apps;

	private final RetryPolicy<HttpResponse<String>> retry;

	private final List<Regency> regencies;

	/**
	 * Participants registered by earlier rounds, and where their last capture put them.
	 */
	private final List<Known> known = new ArrayList<>();

	private int nextIndex;

	final Set<String> niks = ConcurrentHashMap.newKeySet();

	final AtomicLong acknowledged = new AtomicLong();

	final AtomicLong rejected = new AtomicLong();

	final AtomicLong retries = new AtomicLong();

	final AtomicLong duplicates = new AtomicLong();

	final AtomicLong lateUploads = new AtomicLong();

	Load(URI enrollment, String key, Model model, long seed, int concurrency) {
		this.enrollment = enrollment;
		this.key = key;
		this.model = model;
		this.random = new Random(seed);
		this.apps = Executors.newFixedThreadPool(concurrency);
		this.regencies = REGENCIES.stream().map((code) -> Regions.official().regency(code).orElseThrow()).toList();
		this.retry = RetryPolicy.<HttpResponse<String>>builder()
			.handle(IOException.class)
			.handleResultIf((response) -> response.statusCode() == 429 || response.statusCode() >= 500)
			.withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
			.withDelayFn(RetryAfter::delay)
			.withMaxDuration(Duration.ofMinutes(15))
			.withMaxRetries(-1)
			.onRetry((event) -> this.retries.incrementAndGet())
			.build();
	}

	/**
	 * One round of about {@code events} events: new participants, and moves and
	 * contributions of earlier ones; {@code fault} runs, on a thread of its own, once a
	 * random share of the round's requests has gone out.
	 */
	void round(int events, Runnable fault) {
		List<Request> requests = plan(events);
		int faultAt = (requests.size() <= 1) ? 0 : 1 + this.random.nextInt(requests.size() - 1);
		AtomicInteger started = new AtomicInteger();
		List<Future<?>> sent = new ArrayList<>();
		Thread faultThread = new Thread(fault, "fault");
		for (Request request : requests) {
			sent.add(this.apps.submit(() -> {
				if (started.incrementAndGet() == faultAt) {
					faultThread.start();
				}
				request.send();
				return null;
			}));
		}
		for (Future<?> future : sent) {
			try {
				future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException("A field app gave up: " + ex.getMessage(), ex);
			}
		}
		try {
			// Every request has started by now: the fault ran on its thread, or, in a
			// round too small to reach its moment, runs now.
			if (faultThread.getState() == Thread.State.NEW) {
				fault.run();
			}
			else {
				faultThread.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Request> plan(int events) {
		Instant now = Instant.now();
		List<Registration> registrations = new ArrayList<>();
		List<Registration> lateOnes = new ArrayList<>();
		List<Contribution> contributions = new ArrayList<>();
		List<Request> singles = new ArrayList<>();
		int planned = 0;
		while (planned < events) {
			int index = this.nextIndex++;
			Regency worksIn = this.regencies.get(this.random.nextInt(this.regencies.size()));
			Participants.Registration drawn = Participants.anywhere(7, index, worksIn, worksIn,
					now.minusSeconds(1800 - this.random.nextInt(600)));
			this.niks.add(drawn.nik());
			Registration first = new Registration(drawn.nik(), worksIn.code(), drawn.registeredAt(), drawn.body());
			String regency = worksIn.code();
			Instant last = first.at();
			int roll = this.random.nextInt(100);
			if (roll < 15) {
				// Moves to another regency; one in three uploads arrive before the first.
				Regency to = this.regencies.get(this.random.nextInt(this.regencies.size()));
				Registration move = first.movedTo(to.code(), first.at().plusSeconds(60 + this.random.nextInt(60)));
				regency = to.code();
				last = move.at();
				planned++;
				if (roll < 5) {
					registrations.add(move);
					lateOnes.add(first);
					this.lateUploads.incrementAndGet();
				}
				else {
					registrations.add(first);
					registrations.add(move);
				}
			}
			else {
				registrations.add(first);
			}
			planned++;
			if (this.random.nextInt(100) < 5) {
				registrations.add(first);
				this.duplicates.incrementAndGet();
				planned++;
			}
			if (this.random.nextInt(100) < 40) {
				YearMonth from = YearMonth.from(first.at().atZone(ZONE));
				contributions
					.add(new Contribution(first.nik(), regency, from, from.plusMonths(this.random.nextInt(6))));
				planned++;
			}
			if (this.random.nextInt(100) < 6) {
				Instant at = last.plusSeconds(120 + this.random.nextInt(60));
				singles.add(() -> deregister(first.nik(), at));
				planned++;
			}
			else {
				this.known.add(new Known(first.nik(), regency, first.body(), last));
			}
		}
		// Earlier rounds' participants renew their cover.
		for (int i = 0; i < events / 20 && !this.known.isEmpty(); i++) {
			Known participant = this.known.get(this.random.nextInt(this.known.size()));
			YearMonth month = YearMonth.from(now.atZone(ZONE));
			contributions.add(new Contribution(participant.nik(), participant.regency(), month, month.plusMonths(2)));
		}
		List<Request> requests = new ArrayList<>();
		batches(registrations, (batch) -> requests.add(() -> registerBatch(batch)));
		batches(contributions, (batch) -> requests.add(() -> contributeBatch(batch)));
		requests.addAll(singles);
		Collections.shuffle(requests, this.random);
		// Late uploads go out after everything else of the round.
		batches(lateOnes, (batch) -> requests.add(() -> registerBatch(batch)));
		return requests;
	}

	private static <T> void batches(List<T> items, java.util.function.Consumer<List<T>> batch) {
		for (int from = 0; from < items.size(); from += BATCH) {
			batch.accept(List.copyOf(items.subList(from, Math.min(items.size(), from + BATCH))));
		}
	}

	private void registerBatch(List<Registration> batch) {
		JsonNode results = batch("/api/v1/registrations/batch", "registrations",
				batch.stream().map(Registration::body).toList());
		for (int i = 0; i < batch.size(); i++) {
			if (accepted(results.get(i))) {
				Registration registration = batch.get(i);
				this.model.registered(registration.nik(), registration.regencyCode(), registration.at());
			}
		}
	}

	private void contributeBatch(List<Contribution> batch) {
		JsonNode results = batch("/api/v1/contributions/batch", "contributions",
				batch.stream().map(Contribution::body).toList());
		for (int i = 0; i < batch.size(); i++) {
			if (accepted(results.get(i))) {
				Contribution contribution = batch.get(i);
				this.model.paid(contribution.nik(), contribution.from(), contribution.through());
			}
		}
	}

	private boolean accepted(JsonNode result) {
		if ("ACCEPTED".equals(result.get("status").asString())) {
			this.acknowledged.incrementAndGet();
			return true;
		}
		this.rejected.incrementAndGet();
		return false;
	}

	private JsonNode batch(String path, String field, List<Map<String, Object>> items) {
		HttpResponse<String> response = post(path, Map.of(field, items));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).get("results");
	}

	private void deregister(String nik, Instant at) {
		HttpResponse<String> response = post("/api/v1/deregistrations",
				Map.of("nik", nik, "reason", "LEFT_WORKFORCE", "deregisteredAt", at.toString()));
		if (response.statusCode() == 202) {
			this.acknowledged.incrementAndGet();
			this.model.deregistered(nik, at);
		}
		else {
			this.rejected.incrementAndGet();
		}
	}

	private HttpResponse<String> post(String path, Object body) {
		HttpRequest request = HttpRequest.newBuilder(this.enrollment.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.key)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
		return Failsafe.with(this.retry).get(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Override
	public void close() {
		this.apps.shutdownNow();
	}

	/** One call a field app makes. */
	@FunctionalInterface
	private interface Request {

		void send() throws Exception;

	}

	private record Known(String nik, String regency, Map<String, Object> body, Instant last) {
	}

	private record Registration(String nik, String regencyCode, Instant at, Map<String, Object> body) {

		Registration movedTo(String regency, Instant at) {
			Map<String, Object> moved = new LinkedHashMap<>(this.body);
			moved.put("regencyCode", regency);
			moved.put("registeredAt", at.toString());
			return new Registration(this.nik, regency, at, moved);
		}

	}

	private record Contribution(String nik, String regencyCode, YearMonth from, YearMonth through) {

		Map<String, Object> body() {
			long months = from.until(through, java.time.temporal.ChronoUnit.MONTHS) + 1;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("nik", this.nik);
			body.put("regencyCode", this.regencyCode);
			body.put("coverFrom", this.from.toString());
			body.put("coverThrough", this.through.toString());
			body.put("fundingSource", FundingSource.APBD);
			body.put("amount", 16_800 * months);
			body.put("paidAt", Instant.now().minusSeconds(60).toString());
			return body;
		}

	}

}
