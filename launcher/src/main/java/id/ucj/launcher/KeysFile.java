package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

	private final LinesFile<ClientKey> file;

	KeysFile(Path file) {
		this.file = new LinesFile<>(file, HEADER, ClientKey::parse, ClientKey::line);
	}

	static KeysFile in(Path dataDir) {
		return new KeysFile(dataDir.resolve("security").resolve("api-keys"));
	}

	Path path() {
		return this.file.path();
	}

	void add(ClientKey key) throws IOException {
		this.file.update((keys) -> {
			keys.add(key);
			return keys;
		});
	}

	/**
	 * Replaces the local keys (clients {@code local-*}); keys added with {@code keys add}
	 * stay.
	 */
	void replaceLocal(List<ClientKey> local) throws IOException {
		this.file.update((keys) -> {
			keys.removeIf((key) -> key.client().startsWith(LOCAL_CLIENT_PREFIX));
			keys.addAll(local);
			return keys;
		});
	}

	List<ClientKey> read() throws IOException {
		return this.file.read();
	}

}
