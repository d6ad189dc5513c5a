package org.dak.tracking.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.dak.contracts.OfficeTime;
import org.dak.tracking.deadline.AgeBucket;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.readmodel.OpenItems;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code dak.pending{department, age}}: open items per department and working-day age
 * bucket (0-45, 46-60, over 60), for the operations dashboards and alerts.
 */
@Component
public class PendingGauges {

	private final OpenItems openItems;

	private final DeadlinePolicy policy;

	private final Clock clock;

	private final MultiGauge gauge;

	PendingGauges(OpenItems openItems, DeadlinePolicy policy, Clock clock, MeterRegistry meters) {
		this.openItems = openItems;
		this.policy = policy;
		this.clock = clock;
		this.gauge = MultiGauge.builder("dak.pending").description("Open items by department and age").register(meters);
	}

	@Scheduled(fixedDelayString = "${dak.tracking.deadlines.check-interval:1m}", initialDelayString = "10s")
	public void refresh() {
		LocalDate today = this.clock.instant().atZone(OfficeTime.ZONE).toLocalDate();
		Map<List<String>, Integer> counts = new HashMap<>();
		this.openItems.byDepartmentAndDay().forEach((department, days) -> days.forEach((received, count) -> {
			String bucket = AgeBucket.of(this.policy.age(received, today)).band();
			counts.merge(List.of(department, bucket), count.intValue(), Integer::sum);
		}));
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		counts.forEach((key, count) -> rows
			.add(MultiGauge.Row.of(Tags.of("department", key.get(0), "age", key.get(1)), count)));
		this.gauge.register(rows, true);
	}

}
