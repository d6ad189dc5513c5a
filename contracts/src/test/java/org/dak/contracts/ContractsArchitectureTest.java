package org.dak.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ContractsArchitectureTest {

	private final JavaClasses contracts = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.dak.contracts");

	@Test
	void contractsUseNothingButTheJdk() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.dak.contracts..")
			.check(this.contracts);
	}

	@Test
	void eventsAreRecords() {
		classes().that().haveSimpleNameEndingWith("ed").should().beRecords().check(this.contracts);
	}

}
