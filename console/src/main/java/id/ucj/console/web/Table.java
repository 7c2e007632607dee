package id.ucj.console.web;

import java.util.List;

/**
 * Rows to export, with their column headers; cells are strings, whole numbers or
 * decimals.
 */
record Table(String sheet, List<String> headers, List<List<Object>> rows) {

	Table {
		headers = List.copyOf(headers);
		rows = rows.stream()
			.map((row) -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
			.toList();
	}

}
