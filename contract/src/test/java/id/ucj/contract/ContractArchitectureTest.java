package id.ucj.contract;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "id.ucj.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

	@ArchTest
	static final ArchRule contractHasNoFrameworkDependency = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "org.apache.kafka..");

}
