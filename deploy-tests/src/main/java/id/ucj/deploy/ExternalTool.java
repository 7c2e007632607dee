package id.ucj.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * A program from the machine's packages that a check runs ({@code prometheus},
 * {@code promtool}, {@code docker-compose}). In CI ({@code CI=true}) a missing one fails
 * the check; on a developer's machine the check is skipped with the package to install.
 */
record ExternalTool(Path path) {

	static ExternalTool require(String name, String debianPackage) {
		Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isPresent()) {
			return new ExternalTool(found.get());
		}
		String message = name + " is not installed: apt-get install " + debianPackage + " (.ci/run does)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(message);
		}
		Assumptions.abort(message);
		return null;
	}

	String command() {
		return this.path.toString();
	}

}
