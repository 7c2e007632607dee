package id.ucj.aggregator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import id.ucj.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "id.ucj", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule keepsTheServiceArchitecture = ServiceArchitecture.of("id.ucj.aggregator");

	/**
	 * The counting rules are decisions only: what they need from outside comes in as
	 * values.
	 */
	@ArchTest
	static final ArchRule countingRulesArePure = noClasses().that()
		.resideInAPackage("id.ucj.aggregator.counting..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
				"id.ucj.aggregator.coverage..", "id.ucj.aggregator.topology..");

}
