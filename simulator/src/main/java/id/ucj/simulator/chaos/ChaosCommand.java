package id.ucj.simulator.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Runs the system as a user does, with the launcher, puts it under a mixed load from
 * retrying field apps, and kills, stops and cuts its real processes at random moments;
 * after each fault, and at the end, checks every count against a model of what the system
 * acknowledged, the alert log against the crossings, the webhook against the log, and
 * everything the system wrote for NIKs (docs/reliability.md).
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = "Faults into the launched system's real processes under load; checks that nothing acknowledged "
				+ "is lost or counted twice. Exits 0 if every check passed, 1 if one failed, 2 if the run could not go on (a part not back, "
				+ "counts not exact in time).")
public final class ChaosCommand implements Callable<Integer> {

	private static final int FORECAST_MONTHS = 6;

	private static final List<Double> MILESTONES = List.of(0.5, 0.8, 0.95);

	private static final double TARGET = 0.65;

	/**
	 * Counts, on an aggregator instance, the rebalances its counting job went through.
	 */
	private static final String REBALANCES = "kafka_consumer_coordinator_rebalance_total";

	@Option(names = "--events", defaultValue = "100000",
			description = "events to send in all (default ${DEFAULT-VALUE})")
	int events;

	@Option(names = "--aggregator-kills", defaultValue = "20", description = "SIGKILLs of coverage-aggregator")
	int aggregatorKills;

	@Option(names = "--aggregator-pauses", defaultValue = "1",
			description = "times an aggregator instance is SIGSTOPped past its session timeout while a second one "
					+ "takes over (the system then runs two instances)")
	int aggregatorPauses;

	@Option(names = "--aggregator-pause", defaultValue = "60s", converter = DurationConverter.class,
			description = "how long the instance stays stopped: longer than the counting job's session timeout, "
					+ "45 s (default ${DEFAULT-VALUE})")
	Duration aggregatorPause;

	@Option(names = "--broker-kills", defaultValue = "2", description = "SIGKILLs of the Kafka broker")
	int brokerKills;

	@Option(names = "--enrollment-kills", defaultValue = "2", description = "SIGKILLs of enrollment-service")
	int enrollmentKills;

	@Option(names = "--notifier-kills", defaultValue = "1",
			description = "SIGKILLs of notification-service with alerts recorded and not delivered")
	int notifierKills;

	@Option(names = "--store-outages", defaultValue = "1", description = "times the store is stopped (SIGSTOP)")
	int storeOutages;

	@Option(names = "--store-outage", defaultValue = "60s", converter = DurationConverter.class,
			description = "how long the store stays stopped (default ${DEFAULT-VALUE})")
	Duration storeOutage;

	@Option(names = "--seed", defaultValue = "2026", description = "draws the load and the faults' order and moments")
	long seed;

	@Option(names = "--launcher", defaultValue = "launcher/target/ucj-launcher.jar",
			description = "the launcher's jar (default ${DEFAULT-VALUE})")
	Path launcherJar;

	@Option(names = "--data-dir", description = "the system's data directory (default: a new temporary one)")
	Path dataDir;

	@Option(names = "--recovery-timeout", defaultValue = "5m", converter = DurationConverter.class,
			description = "how long the counts may take to be exact again after a fault")
	Duration recoveryTimeout;

	@Option(names = "--concurrency", defaultValue = "4", description = "field apps at once")
	int concurrency;

	private final Map<Fault, List<Duration>> recoveries = new EnumMap<>(Fault.class);

	private final List<String> failures = new ArrayList<>();

	private final Map<String, Integer> workforce = new HashMap<>();

	private final List<Duration> takeovers = new ArrayList<>();

	private Random draws;

	@Override
	public Integer call() throws Exception {
		Path data = (this.dataDir != null) ? this.dataDir.toAbsolutePath() : Files.createTempDirectory("ucj-chaos");
		this.draws = new Random(this.seed);
		List<Fault> faults = faults();
		int perRound = Math.max(50, this.events / (faults.size() + 2));
		say("Chaos: %,d events in %d rounds, faults %s; data in %s", this.events, faults.size() + 2, describe(faults),
				data);
		Model model = new Model(Load.ZONE);
		try (WebhookReceiver webhook = new WebhookReceiver();
				LaunchedSystem system = new LaunchedSystem(this.launcherJar.toAbsolutePath(), data, webhook.url(),
						HexFormat.of().formatHex(new SecureRandom().generateSeed(16)),
						(this.aggregatorPauses > 0) ? 2 : 1)) {
			system.start(Duration.ofMinutes(5));
			SystemView view = new SystemView(system.url(LaunchedSystem.AGGREGATOR), system.url(LaunchedSystem.NOTIFIER),
					system.key("UCJ_READER_KEY"), system.key("UCJ_ADMIN_KEY"));
			int perRegency = (int) (this.events / 1.8 / Load.REGENCIES.size());
			for (String regency : Load.REGENCIES) {
				this.workforce.put(regency, Math.max(10, (int) (perRegency / 0.9)));
				view.setRegency(regency, this.workforce.get(regency), TARGET);
			}
			try (Load load = new Load(system.url(LaunchedSystem.ENROLLMENT), system.key("UCJ_ENROLLER_KEY"), model,
					this.seed, this.concurrency)) {
				load.round(perRound, () -> {
				});
				awaitExact(view, model, "the first round, before any fault");
				int round = 0;
				for (Fault fault : faults) {
					round++;
					Injection injection = new Injection(fault, system, view, webhook, model);
					load.round(perRound, injection::inject);
					injection.recover();
					Duration recovered = awaitExact(view, model, "round " + round + " (" + fault.description + ")");
					Duration sinceFault = Duration.ofNanos(System.nanoTime() - injection.injectedAt);
					this.recoveries.computeIfAbsent(fault, (key) -> new ArrayList<>()).add(sinceFault);
					say("round %d/%d: %s; exact %.1fs after the round's last answer, %.1fs after the fault", round,
							faults.size(), fault.description, recovered.toMillis() / 1000.0,
							sinceFault.toMillis() / 1000.0);
				}
				Duration stopped = stopUnderLoad(system, load, perRound);
				awaitExact(view, model, "after SIGTERM under load and a restart");
				checkAlerts(view, webhook);
				Duration lastStop = system.stop(Duration.ofSeconds(60));
				List<String> leftOver = system.leftOver();
				if (!leftOver.isEmpty()) {
					this.failures.add("still running after the launcher stopped: " + leftOver);
				}
				List<String> holding = PersonalData.filesHolding(data, load.niks);
				if (!holding.isEmpty()) {
					this.failures.add("NIKs in clear in " + holding);
				}
				report(load, model, stopped, lastStop, holding.size(), data);
			}
		}
		return this.failures.isEmpty() ? 0 : 1;
	}

	private List<Fault> faults() {
		List<Fault> faults = new ArrayList<>();
		faults.addAll(Collections.nCopies(this.aggregatorKills, Fault.AGGREGATOR_KILLED));
		faults.addAll(Collections.nCopies(this.brokerKills, Fault.BROKER_KILLED));
		faults.addAll(Collections.nCopies(this.enrollmentKills, Fault.ENROLLMENT_KILLED));
		faults.addAll(Collections.nCopies(this.notifierKills, Fault.NOTIFIER_KILLED));
		faults.addAll(Collections.nCopies(this.storeOutages, Fault.STORE_STOPPED));
		faults.addAll(Collections.nCopies(this.aggregatorPauses, Fault.AGGREGATOR_PAUSED));
		Collections.shuffle(faults, this.draws);
		return faults;
	}

	private static String describe(List<Fault> faults) {
		return faults.stream()
			.collect(Collectors.groupingBy((fault) -> fault, () -> new EnumMap<>(Fault.class), Collectors.counting()))
			.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + "x " + entry.getKey().description)
			.collect(Collectors.joining(", "));
	}

	/**
	 * Waits until every regency's counts equal the model's; a difference that stays is a
	 * failure, reported with what differs.
	 */
	private Duration awaitExact(SystemView view, Model model, String when) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + this.recoveryTimeout.toNanos();
		Verdicts.CountCheck check = null;
		while (System.nanoTime() < deadline) {
			try {
				check = Verdicts.counts(model.expected(YearMonth.now(Load.ZONE), FORECAST_MONTHS), observe(view),
						FORECAST_MONTHS);
				if (check.exact()) {
					return Duration.ofNanos(System.nanoTime() - started);
				}
			}
			catch (IOException ex) {
				// A part is still coming back.
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		String differences = (check != null) ? String.join("; ", check.differences()) : "no answer";
		throw new IllegalStateException(
				"Counts not exact " + when + " within " + this.recoveryTimeout + ": " + differences);
	}

	private static Map<String, SystemView.Counts> observe(SystemView view) throws IOException, InterruptedException {
		Map<String, SystemView.Counts> observed = new HashMap<>();
		for (String regency : Load.REGENCIES) {
			observed.put(regency, view.counts(regency, FORECAST_MONTHS));
		}
		return observed;
	}

	/**
	 * One round's load, with the launcher stopped (SIGTERM) in the middle and started
	 * again.
	 */
	private Duration stopUnderLoad(LaunchedSystem system, Load load, int events) throws Exception {
		Duration[] stopped = new Duration[1];
		load.round(events, () -> {
			try {
				stopped[0] = system.stop(Duration.ofSeconds(60));
				say("SIGTERM under load: the launcher stopped everything in %.1fs", stopped[0].toMillis() / 1000.0);
				if (!system.leftOver().isEmpty()) {
					this.failures.add("still running after SIGTERM: " + system.leftOver());
				}
				system.start(Duration.ofMinutes(5));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		if (stopped[0].compareTo(Duration.ofSeconds(10)) > 0) {
			this.failures.add("SIGTERM took " + stopped[0] + ", more than 10 s");
		}
		return stopped[0];
	}

	private void checkAlerts(SystemView view, WebhookReceiver webhook) throws Exception {
		Map<String, Double> ratios = new HashMap<>();
		Map<String, Set<Double>> thresholds = new HashMap<>();
		for (String regency : Load.REGENCIES) {
			SystemView.Counts counts = view.counts(regency, 1);
			ratios.put(regency, (double) counts.covered() / counts.workforce());
			Set<Double> levels = new LinkedHashSet<>(MILESTONES);
			levels.add(TARGET);
			thresholds.put(regency, levels);
		}
		// The last snapshot's alerts are recorded within a few seconds.
		List<String> problems = List.of();
		List<JsonNode> log = List.of();
		for (int attempt = 0; attempt < 60; attempt++) {
			log = view.alerts("15");
			problems = Verdicts.alerts(log.stream().map(ChaosCommand::alert).toList(), ratios, thresholds);
			if (problems.isEmpty()) {
				break;
			}
			TimeUnit.SECONDS.sleep(1);
		}
		this.failures.addAll(problems);
		Set<String> ids = log.stream().map((alert) -> alert.get("id").asString()).collect(Collectors.toSet());
		List<String> undelivered = List.of();
		for (int attempt = 0; attempt < 180; attempt++) {
			undelivered = Verdicts.deliveries(ids, webhook.delivered());
			if (undelivered.isEmpty()) {
				break;
			}
			TimeUnit.SECONDS.sleep(1);
		}
		this.failures.addAll(undelivered);
		this.alerts = log.size();
		this.deliveries = webhook.delivered().size();
	}

	private int alerts;

	private int deliveries;

	private static Verdicts.Alert alert(JsonNode alert) {
		return new Verdicts.Alert(alert.get("id").asString(), alert.get("regencyCode").asString(),
				alert.get("threshold").asDouble(), alert.get("direction").asString(),
				alert.get("crossedAt").asString());
	}

	private void report(Load load, Model model, Duration stopUnderLoad, Duration lastStop, int nikFiles, Path data) {
		StringBuilder report = new StringBuilder(
				"\n| fault | injected | recovered: median | max |\n|---|---:|---:|---:|\n");
		this.recoveries.forEach((fault, times) -> {
			List<Duration> sorted = times.stream().sorted().toList();
			report.append(String.format("| %s | %d | %.1f s | %.1f s |%n", fault.description, times.size(),
					sorted.get(sorted.size() / 2).toMillis() / 1000.0,
					sorted.get(sorted.size() - 1).toMillis() / 1000.0));
		});
		if (!this.takeovers.isEmpty()) {
			report.append(String.format(
					"| (of which: exact through the second instance, the first still stopped) | %d | %.1f s | |%n",
					this.takeovers.size(), this.takeovers.get(this.takeovers.size() / 2).toMillis() / 1000.0));
		}
		report.append(String.format("| launcher SIGTERMed under load, then started again | 1 | stopped in %.1f s | |%n",
				stopUnderLoad.toMillis() / 1000.0));
		report.append(String.format(
				"%nevents acknowledged %,d (participants %,d), rejected %,d, lost 0 and doubled 0 "
						+ "unless listed below; duplicates sent %,d, late uploads %,d, client retries %,d%n",
				load.acknowledged.get(), model.participants(), load.rejected.get(), load.duplicates.get(),
				load.lateUploads.get(), load.retries.get()));
		report.append(String.format(
				"alerts in the log %d, webhook deliveries %d; files holding a NIK %d; " + "last stop %.1f s; data %s%n",
				this.alerts, this.deliveries, nikFiles, lastStop.toMillis() / 1000.0, data));
		report.append(this.failures.isEmpty() ? "PASSED: every check\n"
				: "FAILED:\n  " + String.join("\n  ", this.failures) + "\n");
		System.out.println(report);
	}

	private static void say(String format, Object... arguments) {
		System.out.println(String.format(format, arguments));
	}

	/** The faults the suite injects. */
	enum Fault {

		AGGREGATOR_KILLED("coverage-aggregator SIGKILLed"), BROKER_KILLED("Kafka broker SIGKILLed"),
		ENROLLMENT_KILLED("enrollment-service SIGKILLed mid-batch"),
		NOTIFIER_KILLED("notification-service SIGKILLed with an alert recorded, not delivered"),
		STORE_STOPPED("store stopped (SIGSTOP)"),
		AGGREGATOR_PAUSED("coverage-aggregator SIGSTOPped past its session timeout, then SIGCONTed");

		final String description;

		Fault(String description) {
			this.description = description;
		}

	}

	/** One fault: injected on the load's fault thread, then recovered from. */
	private final class Injection {

		private final Fault fault;

		private final LaunchedSystem system;

		private final SystemView view;

		private final WebhookReceiver webhook;

		private final Model model;

		private volatile long injectedAt = System.nanoTime();

		private volatile long pid;

		private String lowered;

		private String part;

		private double rebalances;

		Injection(Fault fault, LaunchedSystem system, SystemView view, WebhookReceiver webhook, Model model) {
			this.model = model;
			this.fault = fault;
			this.system = system;
			this.view = view;
			this.webhook = webhook;
		}

		void inject() {
			try {
				this.injectedAt = System.nanoTime();
				switch (this.fault) {
					case AGGREGATOR_KILLED -> {
						List<String> instances = this.system.aggregators();
						this.part = instances.get(ChaosCommand.this.draws.nextInt(instances.size()));
						this.pid = this.system.signal(this.part, "KILL");
					}
					case AGGREGATOR_PAUSED -> {
						this.rebalances = this.view.metric(REBALANCES);
						this.system.signal(LaunchedSystem.AGGREGATOR, "STOP");
						TimeUnit.MILLISECONDS.sleep(ChaosCommand.this.aggregatorPause.toMillis());
					}
					case BROKER_KILLED -> this.pid = this.system.signal(LaunchedSystem.KAFKA, "KILL");
					case ENROLLMENT_KILLED -> this.pid = this.system.signal(LaunchedSystem.ENROLLMENT, "KILL");
					case STORE_STOPPED -> {
						this.system.signal(LaunchedSystem.STORE, "STOP");
						TimeUnit.MILLISECONDS.sleep(ChaosCommand.this.storeOutage.toMillis());
						this.system.signal(LaunchedSystem.STORE, "CONT");
					}
					case NOTIFIER_KILLED -> killNotifierBeforeDelivery();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(this.fault.description + ": " + ex.getMessage(), ex);
			}
		}

		/**
		 * The round's load answered with the first instance still stopped: the counts
		 * must be exact through the second, which took its tasks over once the first's
		 * session timed out. Then the first is woken, and what it had in hand (a
		 * transaction, a write to MongoDB) comes too late: the counts are checked again
		 * once it has rejoined the group.
		 */
		private void takeOverThenWake() throws Exception {
			SystemView second = this.view.through(this.system.url(LaunchedSystem.SECOND_AGGREGATOR));
			ChaosCommand.this.takeovers.add(awaitExact(second, this.model, "through the second instance, "
					+ "the first still stopped " + ChaosCommand.this.aggregatorPause.toSeconds() + " s after SIGSTOP"));
			this.system.signal(LaunchedSystem.AGGREGATOR, "CONT");
			long deadline = System.nanoTime() + ChaosCommand.this.recoveryTimeout.toNanos();
			while (true) {
				try {
					if (this.view.metric(REBALANCES) > this.rebalances) {
						return;
					}
				}
				catch (IOException ex) {
					// Waking up.
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The woken aggregator did not rejoin its group within "
							+ ChaosCommand.this.recoveryTimeout);
				}
				TimeUnit.MILLISECONDS.sleep(250);
			}
		}

		/**
		 * Deliveries refused, a regency's workforce lowered so that it crosses 95%, the
		 * alert awaited in the log, then the notifier killed before it could deliver.
		 */
		private void killNotifierBeforeDelivery() throws Exception {
			this.webhook.refuse(true);
			String regency = Load.REGENCIES.get(0);
			int covered = this.view.counts(regency, 1).covered();
			long before = this.view.alerts("15").size();
			this.lowered = regency;
			this.view.setRegency(regency, Math.max(1, (int) Math.floor(covered / 0.96)), TARGET);
			for (int attempt = 0; attempt < 120 && this.view.alerts("15").size() == before; attempt++) {
				TimeUnit.MILLISECONDS.sleep(250);
			}
			this.pid = this.system.signal(LaunchedSystem.NOTIFIER, "KILL");
		}

		void recover() throws Exception {
			String restarted = switch (this.fault) {
				case AGGREGATOR_KILLED -> this.part;
				case BROKER_KILLED -> LaunchedSystem.KAFKA;
				case ENROLLMENT_KILLED -> LaunchedSystem.ENROLLMENT;
				case NOTIFIER_KILLED -> LaunchedSystem.NOTIFIER;
				case STORE_STOPPED, AGGREGATOR_PAUSED -> null;
			};
			if (restarted != null) {
				this.system.awaitRestarted(restarted, this.pid, Duration.ofMinutes(2));
			}
			if (this.fault == Fault.AGGREGATOR_PAUSED) {
				takeOverThenWake();
			}
			for (String service : this.system.services()) {
				this.system.awaitReady(service, Duration.ofMinutes(3));
			}
			if (this.fault == Fault.NOTIFIER_KILLED) {
				this.webhook.refuse(false);
				this.view.setRegency(this.lowered, ChaosCommand.this.workforce.get(this.lowered), TARGET);
			}
		}

	}

}
