package id.ucj.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

	private final Regions regions = Regions.official();

	@Test
	void holdsTheOfficial38ProvincesAnd514Regencies() {
		assertThat(this.regions.provinces()).hasSize(38);
		assertThat(this.regions.regencies()).hasSize(514);
	}

	@Test
	void knowsSarolangunByCodeAndByNikPrefix() {
		Regency sarolangun = new Regency("15.03", "15", "Kabupaten Sarolangun");

		assertThat(this.regions.regency("15.03")).contains(sarolangun);
		assertThat(this.regions.regencyByNikPrefix("1503")).contains(sarolangun);
		assertThat(this.regions.province("15")).map(Province::name).contains("Jambi");
	}

	@Test
	void givesEveryRegencyItsProvincesTimeZone() {
		assertThat(this.regions.zoneOf("15.03")).contains(java.time.ZoneId.of("Asia/Jakarta"));
		assertThat(this.regions.zoneOf("61.71")).contains(java.time.ZoneId.of("Asia/Pontianak"));
		assertThat(this.regions.zoneOf("51.71")).contains(java.time.ZoneId.of("Asia/Makassar"));
		assertThat(this.regions.zoneOf("94.01")).contains(java.time.ZoneId.of("Asia/Jayapura"));
		assertThat(this.regions.regencies())
			.allSatisfy((regency) -> assertThat(this.regions.zoneOf(regency.code())).isPresent());
	}

	@Test
	void everyRegencyBelongsToAKnownProvince() {
		assertThat(this.regions.regencies())
			.allSatisfy((regency) -> assertThat(this.regions.province(regency.provinceCode())).isPresent());
	}

}
