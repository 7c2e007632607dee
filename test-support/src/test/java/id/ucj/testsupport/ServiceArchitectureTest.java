package id.ucj.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services' rule set, over three applications of
 * {@code id.ucj.testsupport.architecture}.
 */
class ServiceArchitectureTest {

	static final String FIXTURES = "id.ucj.testsupport.architecture";

	static final String ALPHA = FIXTURES + ".alpha";

	static final List<String> APPLICATIONS = List.of(ALPHA, FIXTURES + ".beta", FIXTURES + ".gamma");

	@Test
	void passesAServiceThatKeepsToItsOwnFeaturePackages() {
		JavaClasses classes = classesOf(FIXTURES + ".gamma", FIXTURES + ".beta");

		assertThatNoException().isThrownBy(() -> rulesFor(FIXTURES + ".gamma").check(classes));
	}

	@Test
	void refusesAServiceThatUsesAnotherApplication() {
		JavaClasses classes = classesOf(ALPHA + ".feature", FIXTURES + ".beta");

		assertThatThrownBy(() -> rulesFor(ALPHA).check(classes)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("UsesBeta.beta");
	}

	@Test
	void refusesACycleBetweenFeaturePackages() {
		JavaClasses classes = classesOf(ALPHA + ".one", ALPHA + ".two");

		assertThatThrownBy(() -> rulesFor(ALPHA).check(classes)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected");
	}

	@Test
	void refusesALayerPackage() {
		JavaClasses classes = classesOf(ALPHA + ".service");

		assertThatThrownBy(() -> rulesFor(ALPHA).check(classes)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Layered");
	}

	@Test
	void namesOnlyTheProjectsApplications() {
		assertThat(ServiceArchitecture.APPLICATIONS).contains("id.ucj.enrollment", "id.ucj.aggregator",
				"id.ucj.notification");
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceArchitecture.of("id.ucj.contract"));
	}

	private static ArchRule rulesFor(String service) {
		return ServiceArchitecture.of(service, APPLICATIONS);
	}

	private static JavaClasses classesOf(String... packages) {
		return new ClassFileImporter().importPackages(packages);
	}

}
