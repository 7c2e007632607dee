package id.ucj.enrollment.participant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
		ParticipantIds ids = new ParticipantIds(
				new PseudonymKey(new PseudonymSettings(key('a'), this.dir.resolve("k"), 1)));

		assertThat(ids.of(NIK)).isEqualTo(ids.of(NIK)).doesNotContain(NIK).matches("v1-[0-9a-f]{64}");
		assertThat(ids.of("1503011508900002")).isNotEqualTo(ids.of(NIK));
	}

	@Test
	void givesEveryThreadTheSameIdsAsOneThreadDoes() throws Exception {
		ParticipantIds ids = new ParticipantIds(
				new PseudonymKey(new PseudonymSettings(key('a'), this.dir.resolve("k"), 1)));
		List<String> niks = IntStream.range(0, 2_000).mapToObj((i) -> String.format("15030115089%05d", i)).toList();
		List<String> alone = niks.stream().map(ids::of).toList();

		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<String>>> together = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				together.add(threads.submit(() -> niks.stream().map(ids::of).toList()));
			}
			for (Future<List<String>> each : together) {
				assertThat(each.get()).isEqualTo(alone);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void dependsOnTheKey() {
		ParticipantIds first = new ParticipantIds(
				new PseudonymKey(new PseudonymSettings(key('a'), this.dir.resolve("k"), 1)));
		ParticipantIds second = new ParticipantIds(
				new PseudonymKey(new PseudonymSettings(key('b'), this.dir.resolve("k"), 1)));

		assertThat(first.of(NIK)).isNotEqualTo(second.of(NIK));
	}

	@Test
	void generatesAKeyFileOnceAndKeepsUsingIt() {
		Path file = this.dir.resolve("var/pseudonym.key");
		String firstRun = new ParticipantIds(new PseudonymKey(new PseudonymSettings(null, file, 1))).of(NIK);
		String secondRun = new ParticipantIds(new PseudonymKey(new PseudonymSettings("", file, 1))).of(NIK);

		assertThat(file).exists();
		assertThat(secondRun).isEqualTo(firstRun);
	}

	@Test
	void namesTheKeysVersionInEveryId() {
		ParticipantIds second = new ParticipantIds(
				new PseudonymKey(new PseudonymSettings(key('b'), this.dir.resolve("k"), 2)));

		assertThat(second.of(NIK)).matches("v2-[0-9a-f]{64}");
	}

	@Test
	void createsTheKeyFileOwnerOnlyAndNeverShowsTheKey() throws Exception {
		Path file = this.dir.resolve("var/enrollment/pseudonym.key");
		PseudonymKey generated = new PseudonymKey(new PseudonymSettings(null, file, 1));
		PseudonymSettings configured = new PseudonymSettings(key('c'), file, 1);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(generated.toString()).doesNotContain(Files.readString(file).strip());
		assertThat(configured.toString()).doesNotContain(key('c'));
		try (java.util.stream.Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void refusesShortKeys() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalStateException()
			.isThrownBy(() -> new PseudonymKey(new PseudonymSettings(shortKey, this.dir.resolve("k"), 1)));
	}

	private static String key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
	}

}
