package id.ucj.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A file of one entry per line, after a comment header, that running processes read again
 * when it changes (the API keys, the console's users): each change is made under a file
 * lock and by an atomic replace of a file only its owner may read, so that no reader ever
 * sees half a file and two commands never lose each other's entry.
 *
 * @param parse an entry from its line, {@code null} for a blank line or a comment
 * @param line an entry's line
 */
record LinesFile<T>(Path path, String header, Function<String, T> parse, Function<T, String> line) {

	List<T> read() throws IOException {
		if (Files.notExists(this.path)) {
			return new ArrayList<>();
		}
		return new ArrayList<>(
				Files.readAllLines(this.path).stream().map(this.parse).filter(Objects::nonNull).toList());
	}

	/** Replaces the entries with what {@code change} makes of them. */
	void update(UnaryOperator<List<T>> change) throws IOException {
		PrivateFiles.directory(this.path.getParent());
		try (FileChannel lockFile = FileChannel.open(this.path.resolveSibling(this.path.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
			List<T> entries = change.apply(read());
			StringBuilder content = new StringBuilder(this.header);
			entries.forEach((entry) -> content.append(this.line.apply(entry)).append('\n'));
			PrivateFiles.write(this.path, content.toString());
		}
	}

}
