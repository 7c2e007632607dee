package id.ucj.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataScanTest {

	private static final String NIK = "1503012345678901";

	@Test
	void findsANikStandingAloneAndNotInsideALongerToken(@TempDir Path directory) throws Exception {
		PersonalDataScan scan = scan(directory);

		scan.scan("alone", "nik=" + NIK + ",");
		scan.scan("binary", ("\u0000\u00e9" + NIK + "\u0001").getBytes(StandardCharsets.ISO_8859_1));
		scan.scan("longer", "9" + NIK + " " + NIK + "7 x" + NIK + " " + NIK + "y");
		scan.scan("another", "1503019999999999");

		assertThat(scan.findings()).containsExactly("alone: NIK 150301**********", "binary: NIK 150301**********");
	}

	@Test
	void findsANameAsTwoConsecutiveWordsWhateverLiesBetween(@TempDir Path directory) throws Exception {
		PersonalDataScan scan = scan(directory);

		scan.scan("log", "registered Budi Santoso in 15.03");
		scan.scan("segment", "Budi\u0000\u0007Santoso".getBytes(StandardCharsets.ISO_8859_1));
		scan.scan("apart", "Budi Harto Santoso; Budiman Santoso; Budi Santosok; Santoso Budi");

		assertThat(scan.findings()).containsExactly("log: name B. S.", "segment: name B. S.");
	}

	private static PersonalDataScan scan(Path directory) throws Exception {
		Path given = directory.resolve("given.tsv");
		Files.writeString(given, NIK + "\tBudi Santoso\n1503010000000002\tSiti Aminah\n");
		return new PersonalDataScan(given);
	}

}
