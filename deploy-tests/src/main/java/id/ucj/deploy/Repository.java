package id.ucj.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository this module is checked out in: Maven runs the tests in
 * {@code deploy-tests/}.
 */
final class Repository {

	static final Path ROOT = findRoot();

	static final Path DEPLOY = ROOT.resolve("deploy");

	private Repository() {
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
