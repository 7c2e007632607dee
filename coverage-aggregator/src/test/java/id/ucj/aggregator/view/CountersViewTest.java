package id.ucj.aggregator.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.forecast.Premiums;
import id.ucj.aggregator.topology.RegencyTotal;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.Program;
import id.ucj.contract.Regions;
import id.ucj.contract.Segment;
import id.ucj.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live view the Kafka Streams job writes, on a real MongoDB wire protocol: replayed,
 * stale and out-of-order writes change nothing, and an applied one moves the snapshot's
 * version on.
 */
class CountersViewTest {

	private static final Premiums PREMIUMS = new Premiums(
			List.of(new Premiums.Premium(Segment.BPU, Set.of(Program.JKK, Program.JKM), 16_800)),
			new Premiums.PlanPremium(Segment.BPU, Set.of(Program.JKK, Program.JKM)));

	private final CountingFixture fixture = new CountingFixture();

	private final TestClock clock = new TestClock();

	private final CoverageHistory history = new CoverageHistory(this.fixture.mongo);

	private final CoverageStore store = new CoverageStore(this.fixture.mongo, new OfficialRegencies(), this.clock);

	private final CountersView view = new CountersView(this.fixture.mongo, this.store,
			new CoverageBoard(new SimpleMeterRegistry(), PREMIUMS), this.history, this.clock, PREMIUMS);

	@AfterEach
	void drop() {
		this.fixture.close();
	}

	@Test
	void takesANewerStateAndMovesTheVersionOn() {
		CoverageSnapshot before = this.view.write(List.of(total("15.03", 5, 100))).get(0);

		CoverageSnapshot after = this.view.write(List.of(total("15.03", 7, 120))).get(0);

		assertThat(before.registered()).isEqualTo(100);
		assertThat(after.registered()).isEqualTo(120);
		assertThat(after.version()).isGreaterThan(before.version());
		assertThat(counterVersion("15.03")).isEqualTo(2);
	}

	@Test
	void aReplayedOrStaleWriteChangesNothing() {
		this.view.write(List.of(total("15.03", 7, 120)));

		List<CoverageSnapshot> replayed = this.view.write(List.of(total("15.03", 7, 120), total("15.03", 5, 100)));

		assertThat(replayed).extracting(CoverageSnapshot::registered).containsOnly(120L);
		assertThat(counterVersion("15.03")).isEqualTo(1);
	}

	@Test
	void writesArrivingOutOfOrderEndAtTheNewest() {
		this.view.write(List.of(total("15.71", 9, 90), total("15.03", 3, 30)));
		this.view.write(List.of(total("15.71", 4, 40), total("15.03", 8, 80)));

		assertThat(registered("15.71", this.view.write(List.of(total("15.71", 2, 20))))).isEqualTo(90);
		assertThat(registered("15.03", this.view.write(List.of(total("15.03", 1, 10))))).isEqualTo(80);
	}

	@Test
	void aRegencyWithoutCountersYetGetsThem() {
		this.fixture.mongo.getCollection(CounterDocument.COLLECTION).deleteOne(new org.bson.Document("_id", "15.04"));

		assertThat(registered("15.04", this.view.write(List.of(total("15.04", 1, 3))))).isEqualTo(3);
		assertThat(registered("15.04", this.view.write(List.of(total("15.04", 1, 4))))).isEqualTo(3);
	}

	@Test
	void theHistoryKeepsEachLocalDaysLastSnapshot() {
		// 15.03 is in WIB (UTC+7): 16:59 UTC is still the 14th there, 17:00 UTC the 15th.
		this.clock.set(Instant.parse("2024-10-14T16:59:00Z"));
		this.view.write(List.of(total("15.03", 1, 10)));
		this.view.write(List.of(total("15.03", 2, 20)));
		this.clock.set(Instant.parse("2024-10-14T17:00:00Z"));
		this.view.write(List.of(total("15.03", 3, 30)));

		List<HistoryPoint> points = this.history.of("15.03", LocalDate.parse("2024-10-01"),
				LocalDate.parse("2024-10-31"));

		assertThat(points).extracting(HistoryPoint::day)
			.containsExactly(LocalDate.parse("2024-10-14"), LocalDate.parse("2024-10-15"));
		assertThat(points).extracting(HistoryPoint::registered).containsExactly(20L, 30L);
	}

	@Test
	void anOlderSnapshotDoesNotReplaceTheDaysPoint() {
		this.view.write(List.of(total("15.03", 2, 20)));
		CoverageView newer = this.store.regency("15.03").orElseThrow();
		CoverageView older = new CoverageView(newer.regencyCode(), newer.regencyName(), newer.provinceCode(),
				newer.month(), 0, 5, 0, null, null, null, newer.asOf(), newer.version() - 1, newer.byProgram(),
				newer.bySegment(), newer.byFundingSource(), newer.lapsing(), 0, 0, 0, 0, null, null, null,
				newer.forecast());

		this.history.record(List.of(older));

		assertThat(this.history.of("15.03", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
			.extracting(HistoryPoint::registered)
			.containsExactly(20L);
	}

	private static RegencyTotal total(String code, long version, long registered) {
		return new RegencyTotal(code, version, Instant.parse("2024-10-14T02:00:00Z"),
				new Counts().add(Counts.REGISTERED, registered));
	}

	private static long registered(String code, List<CoverageSnapshot> snapshots) {
		return snapshots.stream()
			.filter((snapshot) -> snapshot.regencyCode().equals(code))
			.findFirst()
			.orElseThrow()
			.registered();
	}

	private long counterVersion(String code) {
		return CoverageStore.counters(this.fixture.mongo, List.of(code)).get(code).version();
	}

	/** The official regencies, with no workforce or target set. */
	private static final class OfficialRegencies implements RegencyRegister {

		@Override
		public List<RegisteredRegency> find(Collection<String> codes) {
			return codes.stream()
				.flatMap((code) -> Regions.official().regency(code).stream())
				.map((regency) -> new RegisteredRegency(regency.code(), regency.name(), regency.provinceCode(), null,
						null, 0, null, null, null))
				.toList();
		}

		@Override
		public List<RegisteredRegency> inProvince(String provinceCode) {
			return find(Regions.official().regencies().stream().map((regency) -> regency.code()).toList());
		}

	}

}
