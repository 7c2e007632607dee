package id.ucj.simulator;

import java.time.Duration;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Sarolangun's 2024 campaign: 112,000 workers, 43% covered, the regency budget (APBD)
 * paying JKK + JKM for non-wage workers until coverage passes its 65% target.
 */
@Command(name = "sarolangun", mixinStandardHelpOptions = true,
		description = "Sarolangun (15.03): workforce 112,000, target 0.65; enrols the 43%% baseline, then on past 65%%.")
class SarolangunCommand implements Callable<Integer> {

	static final String CODE = "15.03";

	static final long WORKFORCE = 112_000;

	static final double TARGET = 0.65;

	static final int BASELINE = 48_160;

	/** Sarolangun's APBD-P line for the campaign's cover, in rupiah. */
	static final long APBD_P_BUDGET = 1_800_000_000L;

	/** Just past the target: 65.1%. */
	static final int CAMPAIGN = 72_912;

	@Mixin
	Options options;

	@Option(names = "--apbd-months", defaultValue = "4",
			description = "months of JKK+JKM the APBD-P pays for the campaign's workers (default: ${DEFAULT-VALUE}: Rp 1.8 bn at Rp 16,800 a month)")
	int apbdMonths;

	@Option(names = "--baseline-months", defaultValue = "12",
			description = "months of cover already paid for the baseline's workers, recorded as contributions (default: ${DEFAULT-VALUE})")
	int baselineMonths;

	@Override
	public Integer call() throws Exception {
		Operations operations = new Operations(this.options);
		Instant start = Instant.now();
		operations.setRegency(CODE, WORKFORCE, TARGET);
		System.out.printf("Sarolangun (%s): workforce %,d, target %.0f%%; enrolling %,d participants (seed %d)%n", CODE,
				WORKFORCE, TARGET * 100, CAMPAIGN, this.options.seed);

		List<Regency> issuing = List.of(Regions.official().regency("15.03").orElseThrow(),
				Regions.official().regency("15.02").orElseThrow(), Regions.official().regency("15.71").orElseThrow());
		List<Participants.Registration> baseline = new ArrayList<>();
		List<Participants.Registration> campaign = new ArrayList<>();
		for (int i = 0; i < CAMPAIGN; i++) {
			// Mostly Sarolangun's own NIKs; some workers' cards were issued next door.
			Regency issuedIn = (i % 20 == 0) ? issuing.get(1 + (i / 20) % 2) : issuing.get(0);
			Participants.Registration registration = Participants.sarolangun(this.options.seed, i, issuedIn);
			(i < BASELINE ? baseline : campaign)
				.add((i < BASELINE) ? registration : registration.paying(this.apbdMonths));
		}

		if (this.options.givenOut != null) {
			Files.write(this.options.givenOut,
					java.util.stream.Stream.concat(baseline.stream(), campaign.stream())
						.map((registration) -> registration.nik() + "\t" + registration.fullName())
						.toList());
		}
		try (FieldApp apps = new FieldApp(this.options)) {
			enrol(apps, operations, "baseline (43%)", baseline);
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("baseline's paid cover")
				.setInitialMax(baseline.size())
				.setUnit(" contrib", 1)
				.build()) {
				apps.contribute(baseline,
						(registration) -> YearMonth.from(registration.registeredAt().atZone(Participants.JAKARTA)),
						this.baselineMonths, bar::stepBy);
			}
			enrol(apps, operations, "APBD campaign", campaign);
			JsonNode coverage = awaitCounted(operations, apps.acceptedNiks.size());
			JsonNode alert = awaitAlert(operations);
			Summary.of("Sarolangun campaign", start)
				.line("registrations accepted", apps.accepted.get())
				.line("registrations rejected", apps.rejected.get())
				.line("duplicate submissions", apps.duplicates.get())
				.line("batches resent (lost answers)", apps.resent.get())
				.line("retries (503, connection)", apps.retries.get())
				.line("distinct participants accepted", apps.acceptedNiks.size())
				.line("covered in 15.03 (aggregator)", coverage.get("covered").asLong())
				.line("coverage 15.03",
						String.format("%.2f%% (target %.0f%%)", coverage.get("coverageRatio").asDouble() * 100,
								TARGET * 100))
				.line("\"reached 0.65\" alert",
						(alert != null) ? alert.get("id").asString() + " at " + alert.get("crossedAt").asString()
								: "none yet")
				.line("contributions recorded", apps.contributions.get())
				.line("APBD cover of the campaign", lapse(coverage, campaign.get(campaign.size() - 1).paidThrough()))
				.print();
			YearMonth nextBudgetYearEnd = YearMonth.of(YearMonth.parse(coverage.get("month").asString()).getYear() + 1,
					12);
			Runway.printForecast("Sarolangun (15.03)", operations.forecast(CODE, 12), System.out);
			Runway.printPlan("Sarolangun (15.03)", operations.plan(CODE, TARGET, nextBudgetYearEnd, APBD_P_BUDGET),
					System.out);
			return coverage.get("covered").asLong() == apps.acceptedNiks.size() ? 0 : 1;
		}
	}

	/**
	 * When the campaign's cover runs out, and where that leaves the regency, from the
	 * aggregator's lapsing view.
	 */
	private static String lapse(JsonNode coverage, YearMonth paidThrough) {
		YearMonth over = paidThrough.plusMonths(3);
		long lapsing = 0;
		for (JsonNode month : coverage.get("lapsing")) {
			if (!YearMonth.parse(month.get("month").asString()).isAfter(over)) {
				lapsing += month.get("total").asLong();
			}
		}
		double after = (double) (coverage.get("covered").asLong() - lapsing) / WORKFORCE;
		return String.format(
				"paid through %s; unless renewed, %,d participants stop counting by %s and 15.03 falls to %.2f%%",
				paidThrough, lapsing, over, after * 100);
	}

	private void enrol(FieldApp apps, Operations operations, String phase,
			List<Participants.Registration> registrations) {
		AtomicLong lastLook = new AtomicLong();
		try (ProgressBar bar = new ProgressBarBuilder().setTaskName(phase)
			.setInitialMax(registrations.size())
			.setUnit(" reg", 1)
			.build()) {
			apps.register(registrations, (done) -> {
				bar.stepBy(done);
				long now = System.nanoTime();
				long last = lastLook.get();
				if (now - last > 2_000_000_000L && lastLook.compareAndSet(last, now)) {
					JsonNode coverage = operations.coverage(CODE);
					bar.setExtraMessage(
							String.format(" 15.03 coverage %.2f%%", coverage.get("coverageRatio").asDouble() * 100));
				}
			});
		}
	}

	/**
	 * The aggregator counts asynchronously: wait until it has counted what was accepted
	 * (or stops moving).
	 */
	private static JsonNode awaitCounted(Operations operations, long expected) throws InterruptedException {
		JsonNode coverage = operations.coverage(CODE);
		long previous = -1;
		Instant stalledSince = Instant.now();
		while (coverage.get("covered").asLong() < expected) {
			if (coverage.get("covered").asLong() != previous) {
				previous = coverage.get("covered").asLong();
				stalledSince = Instant.now();
			}
			else if (Duration.between(stalledSince, Instant.now()).toSeconds() > 60) {
				break;
			}
			Thread.sleep(500);
			coverage = operations.coverage(CODE);
		}
		return coverage;
	}

	private static JsonNode awaitAlert(Operations operations) throws InterruptedException {
		for (int i = 0; i < 60; i++) {
			for (JsonNode alert : operations.alerts("regency=" + CODE + "&direction=REACHED&size=200")) {
				if (alert.get("threshold").asDouble() == TARGET) {
					return alert;
				}
			}
			Thread.sleep(500);
		}
		return null;
	}

}
