package id.ucj.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository this module is checked out in: Maven runs the tests in
 * {@code deploy-tests/}.
 */
final class Repository {

	static final Path ROOT = findRoot();

	static final Path DEPLOY = ROOT.resolve("deploy");

	private Repository() {
	}

	/**
	 * The service's default {@code ucj.topics.partitions}, from its
	 * {@code application.yml}: the count it creates topics with when they are missing.
	 */
	@SuppressWarnings("unchecked")
	static String topicPartitionsOf(String service) {
		try {
			Map<String, Object> config = new Yaml()
				.load(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
			Map<String, Object> topics = (Map<String, Object>) ((Map<String, Object>) config.get("ucj")).get("topics");
			return String.valueOf(topics.get("partitions"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve("deploy"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No deploy/ above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}

}
