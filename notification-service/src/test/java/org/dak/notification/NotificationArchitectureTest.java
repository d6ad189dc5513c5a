package org.dak.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import org.dak.testsupport.ServiceArchitecture;

/** The rules of {@link ServiceArchitecture}, on the notification service's classes. */
class NotificationArchitectureTest {

	private static final String BASE = "org.dak.notification";

	private final JavaClasses classes = ServiceArchitecture.classesOf(BASE);

	@Test
	void featurePackagesDependOnEachOtherInOneDirectionOnly() {
		ServiceArchitecture.featurePackagesAreFreeOfCycles(BASE).check(this.classes);
	}

	@Test
	void theDomainSpeaksNoHttp() {
		ServiceArchitecture.theDomainSpeaksNoHttp(BASE).check(this.classes);
	}

	@Test
	void controllersReachOnlyTheirOwnFeaturesRepositories() {
		ServiceArchitecture.controllersReachOnlyTheirOwnFeaturesRepositories(BASE).check(this.classes);
	}

}
