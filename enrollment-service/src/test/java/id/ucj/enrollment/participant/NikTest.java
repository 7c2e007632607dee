package id.ucj.enrollment.participant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.ucj.contract.Regions;

import static org.assertj.core.api.Assertions.assertThat;

class NikTest {

	private final Regions regions = Regions.official();

	@ParameterizedTest
	@ValueSource(strings = { "1503011508900001", "1503015508900002", "3171012902000003", "9103010101010004" })
	void acceptsNiksOfRealRegenciesWithRealBirthDates(String nik) {
		assertThat(Nik.problemWith(nik, this.regions)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "150301150890000, must be exactly 16 digits", "15030115089000012, must be exactly 16 digits",
			"15030115089O0001, must be exactly 16 digits", "9903011508900001, digits 1-2 must be a province code",
			"1599011508900001, digits 3-4 must be a regency code of the province in digits 1-2",
			"1503013208900001, digits 7-12 must be a birth date DDMMYY (day plus 40 for women)",
			"1503017208900001, digits 7-12 must be a birth date DDMMYY (day plus 40 for women)",
			"1503011513900001, digits 7-12 must be a birth date DDMMYY (day plus 40 for women)",
			"1503013002900001, digits 7-12 must be a birth date DDMMYY (day plus 40 for women)",
			"1503010008900001, digits 7-12 must be a birth date DDMMYY (day plus 40 for women)" })
	void explainsWhichRuleANikBreaks(String nik, String problem) {
		assertThat(Nik.problemWith(nik, this.regions)).contains(problem);
	}

	@Test
	void acceptsTheTwentyNinthOfFebruaryOnlyInLeapYears() {
		assertThat(Nik.problemWith("1503012902960001", this.regions)).isEmpty();
		assertThat(Nik.problemWith("1503016902960001", this.regions)).isEmpty();
		assertThat(Nik.problemWith("1503012902970001", this.regions)).isPresent();
	}

}
