package id.ucj.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import id.ucj.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "id.ucj", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule keepsTheServiceArchitecture = ServiceArchitecture.of("id.ucj.console");

	/** Formats are pure: no Spring MVC, no HTTP, no services. */
	@ArchTest
	static final ArchRule formatsArePure = noClasses().that()
		.resideInAPackage("id.ucj.console.format..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "id.ucj.console.api..",
				"id.ucj.console.web..", "id.ucj.console.security..");

}
