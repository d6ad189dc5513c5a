package org.dak.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

	@Test
	void readsQuotesLineBreaksInsideQuotesCrlfAndAByteOrderMark() {
		List<Csv.Row> rows = Csv.parse("\uFEFFa,b,c\r\n1,\"two, \"\"quoted\"\"\",\"three\nlines\"\r\n\r\n4,,6");

		assertThat(rows).extracting(Csv.Row::fields)
			.containsExactly(List.of("a", "b", "c"), List.of("1", "two, \"quoted\"", "three\nlines"),
					List.of("4", "", "6"));
		assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
	}

}
