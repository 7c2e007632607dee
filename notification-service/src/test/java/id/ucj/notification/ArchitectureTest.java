package id.ucj.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "id.ucj", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule dependsOnTheContractNeverOnOtherServices = noClasses().that()
		.resideInAPackage("id.ucj.notification..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("id.ucj.enrollment..", "id.ucj.aggregator..", "id.ucj.launcher..");

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("id.ucj.notification.(*)..").should().beFreeOfCycles();

}
