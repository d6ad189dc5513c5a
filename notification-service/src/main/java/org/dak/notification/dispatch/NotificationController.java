package org.dak.notification.dispatch;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log of an item: every message, to whom (masked) and what became of it.
 */
@RestController
class NotificationController {

	private final Dispatcher dispatcher;

	NotificationController(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@GetMapping("/api/v1/notifications")
	List<Notification> notifications(@RequestParam String complaintId) {
		return this.dispatcher.forComplaint(complaintId);
	}

}
