package id.ucj.enrollment.participant;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ParticipantIdsTest {

	private static final String NIK = "1503011508900001";

	@TempDir
	Path dir;

	@Test
	void givesTheSameNikTheSameIdAndNeverTheNikItself() {
		ParticipantIds ids = new ParticipantIds(new PseudonymKey(new PseudonymSettings(key('a'), this.dir.resolve("k"))));

		assertThat(ids.of(NIK)).isEqualTo(ids.of(NIK)).hasSize(64).doesNotContain(NIK).matches("[0-9a-f]{64}");
		assertThat(ids.of("1503011508900002")).isNotEqualTo(ids.of(NIK));
	}

	@Test
	void dependsOnTheKey() {
		ParticipantIds first = new ParticipantIds(new PseudonymKey(new PseudonymSettings(key('a'), this.dir.resolve("k"))));
		ParticipantIds second = new ParticipantIds(new PseudonymKey(new PseudonymSettings(key('b'), this.dir.resolve("k"))));

		assertThat(first.of(NIK)).isNotEqualTo(second.of(NIK));
	}

	@Test
	void generatesAKeyFileOnceAndKeepsUsingIt() {
		Path file = this.dir.resolve("var/pseudonym.key");
		String firstRun = new ParticipantIds(new PseudonymKey(new PseudonymSettings(null, file))).of(NIK);
		String secondRun = new ParticipantIds(new PseudonymKey(new PseudonymSettings("", file))).of(NIK);

		assertThat(file).exists();
		assertThat(secondRun).isEqualTo(firstRun);
	}

	@Test
	void refusesShortKeys() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalStateException()
			.isThrownBy(() -> new PseudonymKey(new PseudonymSettings(shortKey, this.dir.resolve("k"))));
	}

	private static String key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
	}

}
