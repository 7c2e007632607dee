package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/docker/Dockerfile}, read as text: no Docker engine runs here to build it.
 */
class DockerfileTest {

	/**
	 * Maven refuses a reactor whose parent lists a module it cannot find, even with
	 * {@code -pl}: the build stage needs every module, or at least its pom.
	 */
	@Test
	void theBuildStageCopiesEveryModuleTheParentPomLists() throws IOException {
		String dockerfile = Files.readString(Repository.DEPLOY.resolve("docker/Dockerfile"));
		List<String> modules = Pattern.compile("<module>([^<]+)</module>")
			.matcher(Files.readString(Repository.ROOT.resolve("pom.xml")))
			.results()
			.map((module) -> module.group(1))
			.toList();

		assertThat(modules).contains("coverage-aggregator", "deploy-tests");
		assertThat(modules).allSatisfy((module) -> assertThat(dockerfile)
			.containsPattern("(?m)^COPY " + module + "(/pom\\.xml)? " + module + "(/pom\\.xml)?$"));
	}

}
