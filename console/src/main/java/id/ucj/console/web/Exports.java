package id.ucj.console.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
 * read it as UTF-8) and as XLSX, each ending with the attribution of the region data
 * (ODbL). A text cell that a spreadsheet would read as a formula is written with a
 * leading apostrophe in CSV.
 */
final class Exports {

	static final String ATTRIBUTION = "Region codes and names: idn-area-data 4.0.1, Open Database License (ODbL 1.0)";

	private Exports() {
	}

	static byte[] csv(Table table) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(line(List.copyOf(table.headers())));
		for (List<Object> row : table.rows()) {
			out.append(line(row));
		}
		out.append("\r\n").append(cell(ATTRIBUTION)).append("\r\n");
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(Table table) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "UCJ Coverage", "1.0");
			Worksheet sheet = workbook.newWorksheet(table.sheet());
			for (int column = 0; column < table.headers().size(); column++) {
				sheet.value(0, column, table.headers().get(column));
				sheet.style(0, column).bold().set();
			}
			for (int row = 0; row < table.rows().size(); row++) {
				List<Object> cells = table.rows().get(row);
				for (int column = 0; column < cells.size(); column++) {
					Object value = cells.get(column);
					if (value instanceof Number number) {
						sheet.value(row + 1, column, number);
					}
					else if (value != null) {
						sheet.value(row + 1, column, value.toString());
					}
				}
			}
			sheet.value(table.rows().size() + 2, 0, ATTRIBUTION);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String line(List<Object> cells) {
		return cells.stream().map(Exports::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
