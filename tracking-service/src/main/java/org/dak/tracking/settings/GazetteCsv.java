package org.dak.tracking.settings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dak.contracts.Holiday;
import org.dak.platform.Csv;
import org.dak.platform.Refusal;

/**
 * The state gazette's holiday list as CSV (UTF-8): a header row naming the columns
 * {@code date}, {@code name_hi}, {@code name_en} and optionally {@code kind}
 * ({@code GAZETTED}, the default, or {@code RESTRICTED}; Hindi {@code राजपत्रित} and
 * {@code प्रतिबंधित} are understood too). Dates as {@code 2027-01-26},
 * {@code 26-01-2027}, {@code 26/01/2027} or {@code 26.01.2027}. Any wrong row refuses the
 * whole file, each wrong row named by its line.
 */
final class GazetteCsv {

	static final int MAX_ROWS = 500;

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"),
			DateTimeFormatter.ofPattern("dd.MM.uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
			DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

	private GazetteCsv() {
	}

	static List<Holiday> read(String text) {
		List<Csv.Row> rows = Csv.parse(text);
		if (rows.isEmpty()) {
			throw invalid(List.of(error(1, "file", "is empty: a header row and one row per holiday")));
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> header = rows.get(0).fields();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'), i);
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (String required : List.of("date", "name_hi", "name_en")) {
			if (!columns.containsKey(required)) {
				errors.add(error(rows.get(0).line(), required,
						"no such column: the header must name date, name_hi, name_en (and kind)"));
			}
		}
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw invalid(List.of(error(rows.get(0).line(), "file", "at most " + MAX_ROWS + " holidays a file")));
		}
		List<Holiday> holidays = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String dateText = field(row, columns.get("date"));
			LocalDate date = date(dateText);
			if (date == null) {
				errors.add(error(row.line(), "date", "'" + dateText + "' is not a date (2027-01-26 or 26-01-2027)"));
			}
			else if (!seen.add(date)) {
				errors.add(error(row.line(), "date", date + " is listed twice"));
			}
			String nameHi = field(row, columns.get("name_hi"));
			String nameEn = field(row, columns.get("name_en"));
			if (nameHi.isEmpty()) {
				errors.add(error(row.line(), "name_hi", "is required"));
			}
			if (nameEn.isEmpty()) {
				errors.add(error(row.line(), "name_en", "is required"));
			}
			String kind = kind(field(row, columns.get("kind")));
			if (kind == null) {
				errors.add(error(row.line(), "kind", "must be GAZETTED or RESTRICTED"));
			}
			holidays.add(new Holiday(date, nameHi, nameEn, kind));
		}
		if (holidays.isEmpty()) {
			errors.add(error(rows.get(0).line(), "file", "lists no holiday"));
		}
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		return holidays;
	}

	private static String field(Csv.Row row, Integer column) {
		return (column != null && column < row.fields().size()) ? row.fields().get(column).trim() : "";
	}

	private static LocalDate date(String text) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// the next form
			}
		}
		return null;
	}

	private static String kind(String text) {
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "", "GAZETTED", "राजपत्रित" -> Holiday.GAZETTED;
			case "RESTRICTED", "प्रतिबंधित", "ऐच्छिक" -> Holiday.RESTRICTED;
			default -> null;
		};
	}

	private static Map<String, Object> error(int line, String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("line", line);
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static Refusal invalid(List<Map<String, Object>> errors) {
		Map<String, Object> first = errors.get(0);
		return Refusal
			.invalid("invalid-gazette", "The holiday list cannot be imported",
					"Line " + first.get("line") + ", " + first.get("field") + ": " + first.get("message")
							+ ((errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "")
							+ ". Nothing was imported.")
			.with("errors", errors);
	}

}
