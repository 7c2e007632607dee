package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** Prometheus rule files: groups of recording and alerting rules. */
final class RuleFiles {

	private RuleFiles() {
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rules(Path file) throws IOException {
		Map<String, Object> content = new Yaml().load(Files.readString(file));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) content.get("groups")) {
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return rules;
	}

	static String name(Map<String, Object> rule) {
		return String.valueOf(rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
	}

}
