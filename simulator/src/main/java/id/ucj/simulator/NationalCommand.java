package id.ucj.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * All 514 regencies with SYNTHETIC workforce figures and targets (only Sarolangun's is
 * known; the rest are made up from the seed), participants enrolled across them, some
 * moving to another regency and some leaving.
 */
@Command(name = "national", mixinStandardHelpOptions = true,
		description = "All 514 regencies (synthetic workforce and targets), with moves and deregistrations mixed in.")
class NationalCommand implements Callable<Integer> {

	/**
	 * Keeps these NIKs apart from the Sarolangun scenario's (digits 5-6 start at district
	 * 51).
	 */
	static final int FIRST_INDEX = 500_000;

	@Mixin
	Options options;

	@Option(names = "--participants", defaultValue = "50000",
			description = "participants to enrol (default: ${DEFAULT-VALUE})")
	int participants;

	@Option(names = "--moves", defaultValue = "0.05",
			description = "share who register again in another regency (default: ${DEFAULT-VALUE})")
	double moves;

	@Option(names = "--deregistrations", defaultValue = "0.03",
			description = "share who leave cover (default: ${DEFAULT-VALUE})")
	double deregistrations;

	@Option(names = "--lapsed", defaultValue = "0.10",
			description = "share registered six months ago and never paid since: registered, no longer covered (default: ${DEFAULT-VALUE})")
	double lapsed;

	@Option(names = "--renewals", defaultValue = "0.5",
			description = "share of the lapsed whose cover is paid again from this month (default: ${DEFAULT-VALUE})")
	double renewals;

	@Override
	public Integer call() throws Exception {
		Operations operations = new Operations(this.options);
		Instant start = Instant.now();
		List<Regency> regencies = new ArrayList<>(Regions.official().regencies());
		System.out.printf("National run over %d regencies, SYNTHETIC workforce and targets (seed %d)%n",
				regencies.size(), this.options.seed);
		for (Regency regency : regencies) {
			SplittableRandom random = new SplittableRandom(this.options.seed ^ regency.code().hashCode());
			operations.setRegency(regency.code(), 20_000 + random.nextInt(480_000), 0.5 + random.nextInt(31) / 100.0);
		}

		List<Participants.Registration> first = new ArrayList<>();
		List<Participants.Registration> second = new ArrayList<>();
		List<String> leaving = new ArrayList<>();
		List<Participants.Registration> renewed = new ArrayList<>();
		java.util.Set<String> notPaidUp = new java.util.HashSet<>();
		Map<String, String> finalRegency = new HashMap<>();
		for (int n = 0; n < this.participants; n++) {
			int index = FIRST_INDEX + n;
			SplittableRandom random = Participants.random(this.options.seed + 1, index);
			Regency worksIn = regencies.get(random.nextInt(regencies.size()));
			Regency issuedIn = (random.nextInt(10) == 0) ? regencies.get(random.nextInt(regencies.size())) : worksIn;
			boolean lapsedOnce = random.nextDouble() < this.lapsed;
			// Six months ago, with nothing paid since: cover lapsed (the third unpaid
			// month ends it).
			Instant capturedAt = lapsedOnce ? Participants.CAMPAIGN_START.minus(Duration.ofDays(183)).plusSeconds(n)
					: Participants.CAMPAIGN_START.plusSeconds(n);
			Participants.Registration registration = Participants.anywhere(this.options.seed, index, issuedIn, worksIn,
					capturedAt);
			first.add(registration);
			finalRegency.put(registration.nik(), worksIn.code());
			if (lapsedOnce) {
				if (random.nextDouble() < this.renewals) {
					renewed.add(registration);
				}
				else {
					notPaidUp.add(registration.nik());
				}
			}
			if (random.nextDouble() < this.moves) {
				// A registration pays the month it is captured in: a move covers the
				// participant again.
				notPaidUp.remove(registration.nik());
				Regency movesTo = regencies.get(random.nextInt(regencies.size()));
				second.add(new Participants.Registration(index, registration.nik(), registration.fullName(),
						movesTo.code(), registration.segment(), registration.programs(), registration.fundingSource(),
						Participants.CAMPAIGN_START.plus(Duration.ofDays(1)).plusSeconds(n)));
				finalRegency.put(registration.nik(), movesTo.code());
			}
			if (random.nextDouble() < this.deregistrations) {
				leaving.add(registration.nik());
				finalRegency.remove(registration.nik());
			}
		}

		try (FieldApp apps = new FieldApp(this.options)) {
			try (ProgressBar bar = bar("registrations", first.size())) {
				apps.register(first, bar::stepBy);
			}
			try (ProgressBar bar = bar("moves", second.size())) {
				apps.register(second, bar::stepBy);
			}
			try (ProgressBar bar = bar("renewals", renewed.size())) {
				YearMonth now = YearMonth.now(Participants.JAKARTA);
				apps.contribute(renewed, (registration) -> now, 3, bar::stepBy);
			}
			try (ProgressBar bar = bar("deregistrations", leaving.size())) {
				apps.deregister(leaving, Duration.ofHours(1), bar::stepBy);
			}
			Map<String, Long> expectedRegistered = new TreeMap<>();
			Map<String, Long> expected = new TreeMap<>();
			finalRegency.forEach((nik, code) -> {
				expectedRegistered.merge(code, 1L, Long::sum);
				if (!notPaidUp.contains(nik)) {
					expected.merge(code, 1L, Long::sum);
				}
			});
			int matching = awaitMatching(operations, expected, expectedRegistered);
			Summary.of("National run", start)
				.line("requests accepted", apps.accepted.get())
				.line("requests rejected", apps.rejected.get())
				.line("duplicate submissions", apps.duplicates.get())
				.line("batches resent (lost answers)", apps.resent.get())
				.line("retries (503, connection)", apps.retries.get())
				.line("participants", this.participants)
				.line("moves", second.size())
				.line("deregistrations", leaving.size())
				.line("lapsed six months ago", renewed.size() + notPaidUp.size())
				.line("renewed (contributions from this month)", renewed.size())
				.line("registered now (expected)", finalRegency.size())
				.line("covered now: paid up (expected)", expected.values().stream().mapToLong(Long::longValue).sum())
				.line("regencies matching expected",
						matching + " of " + regencies.size() + " (on a fresh system; other runs add to the counts)")
				.print();
			return 0;
		}
	}

	private static ProgressBar bar(String task, int size) {
		return new ProgressBarBuilder().setTaskName(task).setInitialMax(size).setUnit(" req", 1).build();
	}

	/**
	 * The aggregator counts asynchronously: wait until every regency's covered (paid up)
	 * and registered counts match, or counting stops moving.
	 */
	private static int awaitMatching(Operations operations, Map<String, Long> expected, Map<String, Long> registered)
			throws InterruptedException {
		long previousTotal = -1;
		Instant stalledSince = Instant.now();
		while (true) {
			int matching = 0;
			long total = 0;
			for (JsonNode regency : operations.allCoverage()) {
				long covered = regency.get("covered").asLong();
				total += covered;
				String code = regency.get("regencyCode").asString();
				if (covered == expected.getOrDefault(code, 0L)
						&& regency.get("registered").asLong() == registered.getOrDefault(code, 0L)) {
					matching++;
				}
			}
			if (matching == Regions.official().regencies().size()) {
				return matching;
			}
			if (total != previousTotal) {
				previousTotal = total;
				stalledSince = Instant.now();
			}
			else if (Duration.between(stalledSince, Instant.now()).toSeconds() >= 30) {
				return matching;
			}
			Thread.sleep(1000);
		}
	}

}
