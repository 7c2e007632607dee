package id.ucj.console.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ucj.console.api.Coverage;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Lapsing;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewTest {

	private static final List<Coverage> REGENCIES = List.of(
			regency("15.03", "Kabupaten Sarolangun", 72_912, 112_000L, 0.65, 100),
			regency("15.01", "Kabupaten Kerinci", 10, 100L, 0.5, 0), regency("15.71", "Kota Jambi", 5, null, null, 7),
			regency("51.71", "Kota Denpasar", 30, 40L, 0.75, 3));

	@Test
	void sortsByTheChosenColumnEitherWay() {
		assertThat(Overview.of(REGENCIES, null, "coverage", "desc").regencies()).extracting(Coverage::regencyCode)
			.containsExactly("51.71", "15.03", "15.01", "15.71");
		assertThat(Overview.of(REGENCIES, null, "name", "asc").regencies()).extracting(Coverage::regencyName)
			.containsExactly("Kabupaten Kerinci", "Kabupaten Sarolangun", "Kota Denpasar", "Kota Jambi");
		assertThat(Overview.of(REGENCIES, null, "needed", "desc").regencies()).extracting(Coverage::regencyCode)
			.startsWith("15.01");
		assertThat(Overview.of(REGENCIES, null, "lapsing", "desc").regencies()).extracting(Coverage::regencyCode)
			.startsWith("15.03");
	}

	@Test
	void anUnknownSortIsByCode() {
		assertThat(Overview.of(REGENCIES, null, "'; drop", "sideways").regencies()).extracting(Coverage::regencyCode)
			.containsExactly("15.01", "15.03", "15.71", "51.71");
		assertThat(Overview.of(REGENCIES, null, null, null).sort()).isEqualTo("code");
	}

	@Test
	void keepsOneProvinceAndRollsItUp() {
		Overview jambi = Overview.of(REGENCIES, "15", null, null);

		assertThat(jambi.regencies()).extracting(Coverage::provinceCode).containsOnly("15");
		assertThat(jambi.provinces()).singleElement().satisfies((province) -> {
			assertThat(province.name()).isEqualTo("Jambi");
			assertThat(province.regencies()).isEqualTo(3);
			assertThat(province.covered()).isEqualTo(72_927);
			// Kota Jambi has no workforce: its 5 are not in the ratio.
			assertThat(province.workforce()).isEqualTo(112_100);
			assertThat(province.coverageRatio()).isEqualTo(72_922.0 / 112_100);
			assertThat(province.atTarget()).isEqualTo(1);
			assertThat(province.withTarget()).isEqualTo(2);
		});
	}

	@Test
	void countsTheWorkersStillNeeded() {
		assertThat(REGENCIES.get(0).stillNeeded()).isZero();
		assertThat(REGENCIES.get(1).stillNeeded()).isEqualTo(40);
		assertThat(REGENCIES.get(2).stillNeeded()).isNull();
	}

	private static Coverage regency(String code, String name, long covered, Long workforce, Double target,
			long lapsingSoon) {
		Double ratio = (workforce != null) ? (double) covered / workforce : null;
		List<Lapsing> lapsing = List.of(
				new Lapsing(YearMonth.of(2027, 1), lapsingSoon, Map.of(FundingSource.APBD, lapsingSoon)),
				new Lapsing(YearMonth.of(2027, 5), 1000, Map.of(FundingSource.APBD, 1000L)));
		return new Coverage(code, name, code.substring(0, 2), YearMonth.of(2026, 12), covered, covered, covered,
				workforce, ratio, target, Instant.parse("2026-12-06T21:58:00Z"), 1, Map.of(), Map.of(), Map.of(),
				lapsing, null, null);
	}

}
