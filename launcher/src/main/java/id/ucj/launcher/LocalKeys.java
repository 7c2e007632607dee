package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ucj.contract.ClientKey;

/**
 * The three keys of the local run, each for all areas: an enroller, an admin and a
 * reader. Taken from {@code UCJ_ENROLLER_KEY}, {@code UCJ_ADMIN_KEY} and
 * {@code UCJ_READER_KEY}, or generated once. The keys in effect are kept in
 * {@code <data dir>/security/local-keys.env} (mode 0600), where the simulator and the
 * deploy checks find them, with the reader's also in {@code reader.key} for the local
 * Prometheus; the services get their hashes only.
 *
 * @param generated the roles whose key was generated now, to be shown once
 */
record LocalKeys(Map<String, String> byVariable, List<String> generated, Path file) {

	static final Map<String, String> ROLES = Map.of("UCJ_ENROLLER_KEY", "enroller", "UCJ_ADMIN_KEY", "admin",
			"UCJ_READER_KEY", "reader");

	private static final List<String> VARIABLES = List.of("UCJ_ENROLLER_KEY", "UCJ_ADMIN_KEY", "UCJ_READER_KEY");

	static LocalKeys prepare(Path dataDir, Map<String, String> environment) throws IOException {
		Path security = PrivateFiles.directory(dataDir.resolve("security"));
		Path file = security.resolve("local-keys.env");
		Map<String, String> kept = read(file);
		Map<String, String> keys = new LinkedHashMap<>();
		List<String> generated = new java.util.ArrayList<>();
		for (String variable : VARIABLES) {
			String given = environment.get(variable);
			if (given != null && !given.isBlank()) {
				keys.put(variable, given.strip());
			}
			else if (kept.containsKey(variable)) {
				keys.put(variable, kept.get(variable));
			}
			else {
				keys.put(variable, ClientKey.generate());
				generated.add(variable);
			}
		}
		if (!keys.equals(kept)) {
			StringBuilder content = new StringBuilder("""
					# UCJ Coverage: the local run's API keys (development only; each acts in all areas).
					# Load them into a shell with: set -a; . %s; set +a
					""".formatted(file));
			keys.forEach((variable, key) -> content.append(variable).append('=').append(key).append('\n'));
			PrivateFiles.write(file, content.toString());
		}
		if (!keys.get("UCJ_READER_KEY").equals(readReaderKey(security))) {
			PrivateFiles.write(security.resolve("reader.key"), keys.get("UCJ_READER_KEY"));
		}
		KeysFile.in(dataDir)
			.replaceLocal(VARIABLES.stream()
				.map((variable) -> new ClientKey(ClientKey.hash(keys.get(variable)),
						KeysFile.LOCAL_CLIENT_PREFIX + ROLES.get(variable), ROLES.get(variable), List.of("*"), null))
				.toList());
		return new LocalKeys(keys, generated, file);
	}

	/**
	 * The keys kept in a {@code local-keys.env} file, by variable; empty if there is
	 * none.
	 */
	static Map<String, String> read(Path file) throws IOException {
		Map<String, String> keys = new LinkedHashMap<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file)) {
				int equals = line.indexOf('=');
				if (!line.startsWith("#") && equals > 0 && VARIABLES.contains(line.substring(0, equals))) {
					keys.put(line.substring(0, equals), line.substring(equals + 1).strip());
				}
			}
		}
		return keys;
	}

	private static String readReaderKey(Path security) throws IOException {
		Path file = security.resolve("reader.key");
		return Files.exists(file) ? Files.readString(file).strip() : null;
	}

}
