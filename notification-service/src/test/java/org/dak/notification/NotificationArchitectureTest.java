package org.dak.notification;

import org.dak.testsupport.ServiceArchitectureTest;

/** The rules every service keeps, on the notification service's classes. */
class NotificationArchitectureTest extends ServiceArchitectureTest {

	NotificationArchitectureTest() {
		super("org.dak.notification");
	}

}
