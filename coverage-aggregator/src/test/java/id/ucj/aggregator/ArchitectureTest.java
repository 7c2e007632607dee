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
				"id.ucj.aggregator.topology..", "id.ucj.aggregator.view..", "id.ucj.aggregator.month..",
				"id.ucj.aggregator.web..", "id.ucj.aggregator.regency..");

	/**
	 * The counting job knows the live view only by its interface ({@code LiveView}): it
	 * runs the same against MongoDB, a test's memory, or whatever replaces them.
	 */
	@ArchTest
	static final ArchRule theTopologyKnowsNoViewNorApi = noClasses().that()
		.resideInAPackage("id.ucj.aggregator.topology..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("id.ucj.aggregator.view..", "id.ucj.aggregator.month..", "id.ucj.aggregator.web..",
				"id.ucj.aggregator.regency..", "com.mongodb..", "org.springframework.data..");

	/** The MongoDB view serves the API and the month turn, and knows neither. */
	@ArchTest
	static final ArchRule theViewKnowsNoApiNorMonthTurn = noClasses().that()
		.resideInAPackage("id.ucj.aggregator.view..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("id.ucj.aggregator.web..", "id.ucj.aggregator.month..", "id.ucj.aggregator.regency..");

}
