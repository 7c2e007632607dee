package id.ucj.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a run measured, in order: printed as a table and written as JSON with the same
 * names and values.
 */
final class Figures {

	record Figure(String store, String measure, double value, String unit, String note) {
	}

	private final List<Figure> figures = new ArrayList<>();

	void add(String store, String measure, double value, String unit, String note) {
		this.figures.add(new Figure(store, measure, value, unit, note));
	}

	double value(String store, String measure) {
		return this.figures.stream()
			.filter((figure) -> figure.store().equals(store) && figure.measure().equals(measure))
			.mapToDouble(Figure::value)
			.findFirst()
			.orElse(Double.NaN);
	}

	void print(PrintStream out) {
		out.printf("%n%-10s %-52s %14s  %-10s %s%n", "store", "measure", "figure", "unit", "note");
		for (Figure figure : this.figures) {
			String value = (figure.value() >= 100 || figure.value() == Math.rint(figure.value()))
					? String.format("%,.0f", figure.value()) : String.format("%.3f", figure.value());
			out.printf("%-10s %-52s %14s  %-10s %s%n", figure.store(), figure.measure(), value, figure.unit(),
					figure.note());
		}
	}

	void write(Path file, Map<String, Object> run) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>(run);
		document.put("figures", this.figures);
		Files.createDirectories(file.toAbsolutePath().getParent());
		JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
	}

}
