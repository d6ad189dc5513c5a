package org.dak.routing;

import org.dak.testsupport.ServiceArchitectureTest;

/** The rules every service keeps, on the routing service's classes. */
class RoutingArchitectureTest extends ServiceArchitectureTest {

	RoutingArchitectureTest() {
		super("org.dak.routing");
	}

}
