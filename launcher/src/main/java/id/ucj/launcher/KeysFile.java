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

import id.ucj.contract.ClientKey;

/**
 * The keys file the services read ({@code UCJ_KEYS_FILE}): one {@link ClientKey} line per
 * key, hashes only. The launcher keeps the local keys in it and {@code keys add} appends
 * to it, each under a file lock and by an atomic replace, so that the running services
 * (which read it again when it changes) never see half a file.
 */
final class KeysFile {

	static final String LOCAL_CLIENT_PREFIX = "local-";

	private static final String HEADER = """
			# API keys of UCJ Coverage: <sha256 of the key> <client> <role> <areas> [<requests per second>]
			# Written by the launcher (local keys) and by 'keys add'; only hashes, never the keys themselves.
			""";

	private final Path file;

	KeysFile(Path file) {
		this.file = file;
	}

	static KeysFile in(Path dataDir) {
		return new KeysFile(dataDir.resolve("security").resolve("api-keys"));
	}

	Path path() {
		return this.file;
	}

	void add(ClientKey key) throws IOException {
		update((keys) -> {
			keys.add(key);
			return keys;
		});
	}

	/**
	 * Replaces the local keys (clients {@code local-*}); keys added with {@code keys add}
	 * stay.
	 */
	void replaceLocal(List<ClientKey> local) throws IOException {
		update((keys) -> {
			keys.removeIf((key) -> key.client().startsWith(LOCAL_CLIENT_PREFIX));
			keys.addAll(local);
			return keys;
		});
	}

	List<ClientKey> read() throws IOException {
		if (Files.notExists(this.file)) {
			return new ArrayList<>();
		}
		return new ArrayList<>(
				Files.readAllLines(this.file).stream().map(ClientKey::parse).filter(Objects::nonNull).toList());
	}

	private void update(Change change) throws IOException {
		PrivateFiles.directory(this.file.getParent());
		try (FileChannel lockFile = FileChannel.open(this.file.resolveSibling(this.file.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
			List<ClientKey> keys = change.apply(read());
			StringBuilder content = new StringBuilder(HEADER);
			keys.forEach((key) -> content.append(key.line()).append('\n'));
			PrivateFiles.write(this.file, content.toString());
		}
	}

	@FunctionalInterface
	private interface Change {

		List<ClientKey> apply(List<ClientKey> keys);

	}

}
