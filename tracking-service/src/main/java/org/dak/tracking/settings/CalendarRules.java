package org.dak.tracking.settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dak.contracts.Holiday;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingWeek;
import org.dak.platform.Refusal;

/**
 * What a working calendar must be, and what a change to one did, in a line.
 */
final class CalendarRules {

	private static final int MAX_HOLIDAYS = 2000;

	private CalendarRules() {
	}

	/**
	 * Refuses a calendar that breaks a rule, naming each field: a holiday needs a date,
	 * both names and a known kind, one holiday a day, and the office must work at least
	 * one day a week.
	 */
	static void check(WorkingCalendar calendar) {
		List<Map<String, String>> errors = new ArrayList<>();
		WorkingWeek week = calendar.workingWeek();
		if (new HashSet<>(week.daysOff()).size() >= 7) {
			errors.add(error("workingWeek.daysOff", "leaves no working day in the week"));
		}
		for (int i = 0; i < week.saturdaysOff().size(); i++) {
			Integer nth = week.saturdaysOff().get(i);
			if (nth == null || nth < 1 || nth > 5) {
				errors
					.add(error("workingWeek.saturdaysOff[" + i + "]", "must be 1 to 5 (which Saturday of the month)"));
			}
		}
		if (calendar.holidays().size() > MAX_HOLIDAYS) {
			errors.add(error("holidays", "at most " + MAX_HOLIDAYS + " holidays"));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < calendar.holidays().size(); i++) {
			Holiday holiday = calendar.holidays().get(i);
			String field = "holidays[" + i + "]";
			if (holiday.date() == null) {
				errors.add(error(field + ".date", "is required"));
			}
			else if (!seen.add(holiday.date())) {
				errors.add(error(field + ".date", holiday.date() + " is listed twice: one holiday a day"));
			}
			if (isBlank(holiday.nameHi())) {
				errors.add(error(field + ".nameHi", "is required (the name in Hindi)"));
			}
			if (isBlank(holiday.nameEn())) {
				errors.add(error(field + ".nameEn", "is required (the name in English)"));
			}
			if (!Holiday.GAZETTED.equals(holiday.kind()) && !Holiday.RESTRICTED.equals(holiday.kind())) {
				errors.add(error(field + ".kind", "must be GAZETTED or RESTRICTED"));
			}
			if (length(holiday.nameHi()) > 200 || length(holiday.nameEn()) > 200) {
				errors.add(error(field, "names of at most 200 characters"));
			}
		}
		if (!errors.isEmpty()) {
			throw Refusal
				.invalid("invalid-calendar", "The calendar is not valid",
						errors.get(0).get("field") + " " + errors.get(0).get("message")
								+ ((errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : ""))
				.with("errors", errors);
		}
	}

	/**
	 * What changed from {@code before} to {@code after}, in a line; empty if nothing did.
	 */
	static String summary(WorkingCalendar before, WorkingCalendar after) {
		List<String> parts = new ArrayList<>();
		if (!new HashSet<>(before.workingWeek().daysOff()).equals(new HashSet<>(after.workingWeek().daysOff()))
				|| !new HashSet<>(before.workingWeek().saturdaysOff())
					.equals(new HashSet<>(after.workingWeek().saturdaysOff()))) {
			parts.add("working week: " + week(before.workingWeek()) + " → " + week(after.workingWeek()));
		}
		Map<LocalDate, Holiday> old = byDate(before.holidays());
		Map<LocalDate, Holiday> now = byDate(after.holidays());
		List<Holiday> added = now.values().stream().filter((holiday) -> !old.containsKey(holiday.date())).toList();
		List<Holiday> removed = old.values().stream().filter((holiday) -> !now.containsKey(holiday.date())).toList();
		List<Holiday> changed = now.values()
			.stream()
			.filter((holiday) -> old.containsKey(holiday.date()) && !Objects.equals(old.get(holiday.date()), holiday))
			.toList();
		describe(parts, "added", added);
		describe(parts, "removed", removed);
		describe(parts, "changed", changed);
		return String.join("; ", parts);
	}

	private static void describe(List<String> parts, String what, List<Holiday> holidays) {
		if (holidays.isEmpty()) {
			return;
		}
		if (holidays.size() <= 3) {
			holidays.forEach((holiday) -> parts.add("holiday " + what + ": " + holiday.date() + " " + holiday.nameEn()
					+ (Holiday.RESTRICTED.equals(holiday.kind()) ? " (restricted)" : "")));
			return;
		}
		Map<Integer, Long> perYear = holidays.stream()
			.collect(Collectors.groupingBy((holiday) -> holiday.date().getYear(), java.util.TreeMap::new,
					Collectors.counting()));
		parts.add(holidays.size() + " holidays " + what + " ("
				+ perYear.entrySet()
					.stream()
					.map((e) -> e.getValue() + " in " + e.getKey())
					.collect(Collectors.joining(", "))
				+ ")");
	}

	private static String week(WorkingWeek week) {
		String days = week.daysOff()
			.stream()
			.sorted()
			.map(DayOfWeek::name)
			.map((day) -> day.charAt(0) + day.substring(1).toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.joining(", "));
		String saturdays = week.saturdaysOff().isEmpty() ? "" : " and Saturdays "
				+ week.saturdaysOff().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
		return (days.isEmpty() ? "no day" : days) + " off" + saturdays;
	}

	private static Map<LocalDate, Holiday> byDate(List<Holiday> holidays) {
		return holidays.stream()
			.filter((holiday) -> holiday.date() != null)
			.collect(Collectors.toMap(Holiday::date, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	static Map<String, String> error(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

}
