package org.dak.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules of {@link ServiceArchitecture}, checked on one service's classes: a service's
 * {@code *ArchitectureTest} names its base package and inherits the tests. The classes
 * are read once for the three rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

	private final String basePackage;

	private final JavaClasses classes;

	protected ServiceArchitectureTest(String basePackage) {
		this.basePackage = basePackage;
		this.classes = ServiceArchitecture.classesOf(basePackage);
	}

	@Test
	void featurePackagesDependOnEachOtherInOneDirectionOnly() {
		ServiceArchitecture.featurePackagesAreFreeOfCycles(this.basePackage).check(this.classes);
	}

	@Test
	void theDomainSpeaksNoHttp() {
		ServiceArchitecture.theDomainSpeaksNoHttp(this.basePackage).check(this.classes);
	}

	@Test
	void controllersReachOnlyTheirOwnFeaturesRepositories() {
		ServiceArchitecture.controllersReachOnlyTheirOwnFeaturesRepositories(this.basePackage).check(this.classes);
	}

}
