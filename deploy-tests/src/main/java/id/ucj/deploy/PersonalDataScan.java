package id.ucj.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for the NIKs and names a simulation submitted in what the system wrote: any
 * 16-digit number standing alone that is one of the NIKs, any two consecutive words that
 * are one of the names. Bytes are read as ISO-8859-1, so binary files (Kafka segments,
 * the store's pages) are searched too. A finding shows where and a masked value.
 */
final class PersonalDataScan {

	private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<![0-9A-Za-z])\\d{16}(?![0-9A-Za-z])");

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private static final int CHUNK = 16 * 1024 * 1024;

	private static final int OVERLAP = 256;

	private final Set<String> niks = new HashSet<>();

	private final Set<String> names = new HashSet<>();

	private final List<String> findings = new ArrayList<>();

	private long scannedBytes;

	/**
	 * What was given: one {@code <NIK>\t<full name>} line per participant (the
	 * simulator's {@code --given-out}).
	 */
	PersonalDataScan(Path given) throws IOException {
		for (String line : Files.readAllLines(given)) {
			String[] fields = line.split("\t");
			this.niks.add(fields[0]);
			if (fields.length > 1 && !fields[1].isBlank()) {
				this.names.add(fields[1].strip());
			}
		}
	}

	int niks() {
		return this.niks.size();
	}

	int names() {
		return this.names.size();
	}

	long scannedBytes() {
		return this.scannedBytes;
	}

	List<String> findings() {
		return List.copyOf(this.findings);
	}

	void scan(String where, byte[] content) {
		scan(where, new String(content, StandardCharsets.ISO_8859_1));
	}

	void scan(String where, String text) {
		this.scannedBytes += text.length();
		Matcher number = SIXTEEN_DIGITS.matcher(text);
		while (number.find()) {
			if (this.niks.contains(number.group())) {
				this.findings.add(where + ": NIK " + number.group().substring(0, 6) + "**********");
			}
		}
		Matcher word = WORD.matcher(text);
		String previous = null;
		while (word.find()) {
			String current = word.group();
			if (previous != null && this.names.contains(previous + " " + current)) {
				this.findings.add(where + ": name " + previous.charAt(0) + ". " + current.charAt(0) + ".");
			}
			previous = current;
		}
	}

	/**
	 * Every file below a directory, whatever it holds, read in 16 MB chunks that overlap
	 * by more than a NIK or a name, so that none is cut in two and files of any size (the
	 * store's file grows past 2 GB) can be read.
	 */
	void scanFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.filter(Files::isRegularFile).forEach((file) -> {
				try {
					scanFile(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private void scanFile(Path file) throws IOException {
		byte[] buffer = new byte[CHUNK + OVERLAP];
		try (InputStream in = Files.newInputStream(file)) {
			int kept = 0;
			long position = 0;
			while (true) {
				int read = in.readNBytes(buffer, kept, CHUNK);
				if (read <= 0) {
					break;
				}
				int length = kept + read;
				scan(file + " @" + position, new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
				kept = Math.min(OVERLAP, length);
				System.arraycopy(buffer, length - kept, buffer, 0, kept);
				position += read;
				this.scannedBytes -= kept;
			}
		}
	}

}
