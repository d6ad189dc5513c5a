package org.dak.intake;

import org.dak.testsupport.ServiceArchitectureTest;

/** The rules every service keeps, on the intake service's classes. */
class IntakeArchitectureTest extends ServiceArchitectureTest {

	IntakeArchitectureTest() {
		super("org.dak.intake");
	}

}
