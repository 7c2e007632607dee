package id.ucj.console.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportsTest {

	private static final Table TABLE = new Table("Plan", List.of("month", "cost", "note"),
			List.of(Arrays.asList("2027-06", 413_952_000L, "a, \"quoted\" note"),
					Arrays.asList("total", 1L, "=HYPERLINK(1)"), Arrays.asList("empty", null, null)));

	@Test
	void csvQuotesWhatNeedsItDefusesFormulasAndEndsWithTheAttribution() {
		String csv = new String(Exports.csv(TABLE), StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFFmonth,cost,note\r\n");
		assertThat(csv).contains("2027-06,413952000,\"a, \"\"quoted\"\" note\"\r\n");
		assertThat(csv).contains("total,1,'=HYPERLINK(1)\r\n");
		assertThat(csv).contains("empty,,\r\n");
		assertThat(csv).endsWith("\r\n\"" + Exports.ATTRIBUTION + "\"\r\n");
	}

	@Test
	void xlsxReadsBackWithNumbersAsNumbers() throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(Exports.xlsx(TABLE)))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("Plan");
			assertThat(rows.get(0).getCellText(0)).isEqualTo("month");
			assertThat(rows.get(1).getCellAsNumber(1))
				.hasValueSatisfying((cost) -> assertThat(cost.longValueExact()).isEqualTo(413_952_000L));
			assertThat(rows.get(rows.size() - 1).getCellText(0)).isEqualTo(Exports.ATTRIBUTION);
		}
	}

}
