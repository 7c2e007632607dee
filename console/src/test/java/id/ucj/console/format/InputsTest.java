package id.ucj.console.format;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputsTest {

	@Test
	void readsPercentagesWrittenEitherWay() {
		assertThat(Inputs.percent("65")).hasValue(0.65);
		assertThat(Inputs.percent("65,1")).hasValue(0.651);
		assertThat(Inputs.percent("65.1 %")).hasValue(0.651);
		assertThat(Inputs.percent(" 100 ")).hasValue(1.0);
	}

	@Test
	void readsRupiahWithSeparatorsAndAPrefix() {
		assertThat(Inputs.rupiah("1.800.000.000")).hasValue(1_800_000_000L);
		assertThat(Inputs.rupiah("1,800,000,000")).hasValue(1_800_000_000L);
		assertThat(Inputs.rupiah("Rp 1.800.000.000")).hasValue(1_800_000_000L);
		assertThat(Inputs.rupiah("IDR 1800000000")).hasValue(1_800_000_000L);
		assertThat(Inputs.rupiah("0")).hasValue(0L);
	}

	@Test
	void givesNothingForWhatItCannotRead() {
		assertThat(Inputs.percent("sixty")).isEmpty();
		assertThat(Inputs.percent("-5")).isEmpty();
		assertThat(Inputs.percent("1e2")).isEmpty();
		assertThat(Inputs.percent(null)).isEmpty();
		assertThat(Inputs.rupiah("-5")).isEmpty();
		assertThat(Inputs.rupiah("1.8 bn")).isEmpty();
		assertThat(Inputs.rupiah("99999999999999999999999")).isEmpty();
		assertThat(Inputs.rupiah("1.80.000")).isEmpty();
		assertThat(Inputs.whole("Rp 5")).isEmpty();
		assertThat(Inputs.month("2027-13")).isEmpty();
		assertThat(Inputs.month("yesterday")).isEmpty();
	}

	@Test
	void readsAMonth() {
		assertThat(Inputs.month("2027-12")).hasValue(YearMonth.of(2027, 12));
	}

}
