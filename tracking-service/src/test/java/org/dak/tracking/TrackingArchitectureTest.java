package org.dak.tracking;

import org.dak.testsupport.ServiceArchitectureTest;

/** The rules every service keeps, on the tracking service's classes. */
class TrackingArchitectureTest extends ServiceArchitectureTest {

	TrackingArchitectureTest() {
		super("org.dak.tracking");
	}

}
