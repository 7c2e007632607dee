package id.ucj.enrollment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import id.ucj.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "id.ucj", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule keepsTheServiceArchitecture = ServiceArchitecture.of("id.ucj.enrollment");

}
