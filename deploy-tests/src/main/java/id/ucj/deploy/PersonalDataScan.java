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
import java.util.stream.Stream;

/**
 * Looks for the NIKs and names a simulation submitted in what the system wrote: any
 * 16-digit number standing alone that is one of the NIKs, any two consecutive words that
 * are one of the names. Bytes are read as ISO-8859-1, so binary files (Kafka segments,
 * the store's pages) are searched too. A finding shows where and a masked value.
 */
final class PersonalDataScan {

	private static final int NIK_LENGTH = 16;

	private static final int CHUNK = 16 * 1024 * 1024;

	private static final int OVERLAP = 256;

	private final Set<String> niks = new HashSet<>();

	private final Set<String> names = new HashSet<>();

	/** Every word of a name: only a word among them can start or end one. */
	private final Set<String> nameWords = new HashSet<>();

	private int shortestWord = Integer.MAX_VALUE;

	private int longestWord;

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
				String name = fields[1].strip();
				this.names.add(name);
				for (String word : name.split(" ")) {
					this.nameWords.add(word);
					this.shortestWord = Math.min(this.shortestWord, word.length());
					this.longestWord = Math.max(this.longestWord, word.length());
				}
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

	/**
	 * Two passes, each one loop over the characters: a regular expression read the
	 * store's and Kafka's files at 11-15 MB/s, most of the operations check's time.
	 */
	void scan(String where, String text) {
		this.scannedBytes += text.length();
		scanNiks(where, text);
		scanNames(where, text);
	}

	/** Runs of ASCII letters and digits that are 16 digits and one of the NIKs. */
	private void scanNiks(String where, String text) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (!isAsciiLetterOrDigit(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			boolean digits = true;
			while (i < length && isAsciiLetterOrDigit(text.charAt(i))) {
				char c = text.charAt(i);
				digits &= c >= '0' && c <= '9';
				i++;
			}
			if (digits && i - start == NIK_LENGTH && this.niks.contains(text.substring(start, i))) {
				this.findings.add(where + ": NIK " + text.substring(start, start + 6) + "**********");
			}
		}
	}

	/** Two consecutive runs of letters that are one of the names. */
	private void scanNames(String where, String text) {
		int length = text.length();
		String previous = null;
		int i = 0;
		while (i < length) {
			if (!Character.isLetter(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < length && Character.isLetter(text.charAt(i))) {
				i++;
			}
			String word = (i - start >= this.shortestWord && i - start <= this.longestWord) ? text.substring(start, i)
					: null;
			String current = (word != null && this.nameWords.contains(word)) ? word : null;
			if (previous != null && current != null && this.names.contains(previous + " " + current)) {
				this.findings.add(where + ": name " + previous.charAt(0) + ". " + current.charAt(0) + ".");
			}
			previous = current;
		}
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
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
