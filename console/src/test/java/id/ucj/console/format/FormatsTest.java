package id.ucj.console.format;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

	private final Formats formats = new Formats();

	@Test
	void writesMoneyRatiosAndMonthsAsIndonesiansDo() {
		assertThat(this.formats.money(1_800_000_000L, Formats.INDONESIAN)).isEqualTo("Rp1.800.000.000");
		assertThat(this.formats.percent(0.651, Formats.INDONESIAN)).isEqualTo("65,10%");
		assertThat(this.formats.month(YearMonth.of(2027, 5), Formats.INDONESIAN)).isEqualTo("Mei 2027");
		assertThat(this.formats.number(72_912L, Formats.INDONESIAN)).isEqualTo("72.912");
	}

	@Test
	void writesThemAsEnglishDoes() {
		assertThat(this.formats.money(1_800_000_000L, Locale.ENGLISH)).isEqualTo("IDR 1,800,000,000");
		assertThat(this.formats.percent(0.651, Locale.ENGLISH)).isEqualTo("65.10%");
		assertThat(this.formats.month(YearMonth.of(2027, 5), Locale.ENGLISH)).isEqualTo("May 2027");
		assertThat(this.formats.number(72_912L, Locale.ENGLISH)).isEqualTo("72,912");
	}

	@Test
	void roundsHalfUpAndShowsWhatIsMissingAsADash() {
		assertThat(this.formats.percent(0.650049, Locale.ENGLISH)).isEqualTo("65.00%");
		assertThat(this.formats.percent(0.65005, Locale.ENGLISH)).isEqualTo("65.01%");
		assertThat(this.formats.percent(null, Locale.ENGLISH)).isEqualTo("–");
		assertThat(this.formats.money(null, Locale.ENGLISH)).isEqualTo("–");
		assertThat(this.formats.percentInput(0.651, Formats.INDONESIAN)).isEqualTo("65,1");
		assertThat(this.formats.percentInput(0.65, Locale.ENGLISH)).isEqualTo("65");
	}

	@Test
	void showsAMomentInTheRegencysZone() {
		Instant at = Instant.parse("2026-12-06T21:58:00Z");
		// Sarolangun (Jambi) is WIB, UTC+7; Denpasar (Bali) WITA, UTC+8; Jayapura WIT,
		// UTC+9.
		assertThat(this.formats.moment(at, "15.03", Locale.ENGLISH)).startsWith("Dec 7, 2026").endsWith("4:58 AM WIB");
		assertThat(this.formats.moment(at, "51.71", Locale.ENGLISH)).endsWith("5:58 AM WITA");
		assertThat(this.formats.moment(at, "91.71", Locale.ENGLISH)).endsWith("6:58 AM WIT");
		assertThat(this.formats.moment(Instant.EPOCH, "15.03", Locale.ENGLISH)).isEqualTo("–");
	}

}
