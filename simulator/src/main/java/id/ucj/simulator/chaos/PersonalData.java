package id.ucj.simulator.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for the NIKs the suite sent in everything the system wrote: logs, the broker's
 * segments, the store's file, the counting job's state.
 */
final class PersonalData {

	private static final int NIK_DIGITS = 16;

	private PersonalData() {
	}

	/** Each file that holds one of {@code niks} in clear, with the first NIK found. */
	static List<String> filesHolding(Path directory, Set<String> niks) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String nik = firstNik(file, niks);
				if (nik != null) {
					found.add(directory.relativize(file) + " (" + nik.substring(0, 4) + "...)");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static String firstNik(Path file, Set<String> niks) {
		StringBuilder digits = new StringBuilder();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] >= '0' && buffer[i] <= '9') {
						digits.append((char) buffer[i]);
						if (digits.length() >= NIK_DIGITS) {
							String candidate = digits.substring(digits.length() - NIK_DIGITS);
							if (niks.contains(candidate)) {
								return candidate;
							}
							digits.delete(0, digits.length() - NIK_DIGITS + 1);
						}
					}
					else {
						digits.setLength(0);
					}
				}
			}
		}
		catch (IOException ex) {
			// A file that went away while the system still ran (a rolled segment).
		}
		return null;
	}

}
