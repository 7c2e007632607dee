package id.ucj.testsupport;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every service keeps, one rule set for all of them: a service depends
 * on the contract and the shared support, never on another service or application of the
 * project; its feature packages ({@code id.ucj.<service>.<feature>}) have no cycles; and
 * no package anywhere is a layer ({@code controller}, {@code service},
 * {@code repository}, {@code util}, {@code dto}): packages are features. Each service's
 * {@code ArchitectureTest} checks it over the service's classes and the shared modules':
 *
 * <pre class="code">
 * &#64;AnalyzeClasses(packages = "id.ucj", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *
 * 	&#64;ArchTest
 * 	static final ArchRule keepsTheServiceArchitecture = ServiceArchitecture.of("id.ucj.enrollment");
 *
 * }
 * </pre>
 */
public final class ServiceArchitecture {

	/** Every application of the project, each in a package of its own. */
	static final List<String> APPLICATIONS = List.of("id.ucj.enrollment", "id.ucj.aggregator", "id.ucj.notification",
			"id.ucj.console", "id.ucj.launcher", "id.ucj.simulator", "id.ucj.benchmark");

	private ServiceArchitecture() {
	}

	/**
	 * The rules for the service whose classes are in {@code servicePackage} and its
	 * subpackages.
	 */
	public static ArchRule of(String servicePackage) {
		return of(servicePackage, APPLICATIONS);
	}

	static ArchRule of(String servicePackage, List<String> applications) {
		if (!applications.contains(servicePackage)) {
			throw new IllegalArgumentException(servicePackage + " is none of the applications " + applications);
		}
		String[] others = applications.stream()
			.filter((application) -> !application.equals(servicePackage))
			.map((application) -> application + "..")
			.toArray(String[]::new);
		ArchRule dependsOnTheContractNeverOnOtherApplications = noClasses().that()
			.resideInAPackage(servicePackage + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.as(servicePackage + " depends on the contract and the shared support, never on another application");
		ArchRule featurePackagesHaveNoCycles = slices().matching(servicePackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.as("the feature packages of " + servicePackage + " have no cycles");
		ArchRule noLayerPackages = noClasses().should()
			.resideInAnyPackage("..controller..", "..service..", "..repository..", "..util..", "..dto..")
			.as("no package is a layer (controller, service, repository, util, dto)");
		return CompositeArchRule.of(dependsOnTheContractNeverOnOtherApplications)
			.and(featurePackagesHaveNoCycles)
			.and(noLayerPackages);
	}

}
