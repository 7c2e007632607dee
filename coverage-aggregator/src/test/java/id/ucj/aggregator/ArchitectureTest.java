package id.ucj.aggregator;

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
		.resideInAPackage("id.ucj.aggregator..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("id.ucj.enrollment..", "id.ucj.notification..", "id.ucj.launcher..");

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("id.ucj.aggregator.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule noLayerPackages = noClasses().should()
		.resideInAnyPackage("..controller..", "..service..", "..repository..", "..util..", "..dto..");

}
