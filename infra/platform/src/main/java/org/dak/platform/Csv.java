package org.dak.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: commas, quoted fields with doubled quotes, line breaks inside
 * quotes, CRLF or LF, and a UTF-8 byte-order mark at the start.
 */
public final class Csv {

	private Csv() {
	}

	/** A record and the line it starts on. */
	public record Row(int line, List<String> fields) {
	}

	public static List<Row> parse(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				if (!(fields.size() == 1 && fields.get(0).isBlank())) {
					rows.add(new Row(start, List.copyOf(fields)));
				}
				fields.clear();
				line++;
				start = line;
			}
			else {
				field.append(c);
			}
		}
		if (!field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			rows.add(new Row(start, List.copyOf(fields)));
		}
		return rows;
	}

}
