package id.ucj.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Grafana needs to load the dashboards as provisioned; whether their queries return
 * data is checked live.
 */
class DashboardsTest {

	@Test
	@SuppressWarnings("unchecked")
	void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
		Map<String, Object> provisioning = new Yaml()
			.load(Files.readString(Repository.DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")));
		Map<String, Object> datasource = ((List<Map<String, Object>>) provisioning.get("datasources")).get(0);

		List<Dashboards.Query> queries = Dashboards.queries();

		assertThat(queries).hasSizeGreaterThan(30).allSatisfy((query) -> {
			assertThat(query.expression()).as(query.toString()).isNotBlank();
			assertThat(query.datasource().path("uid").asString()).as(query.toString()).isEqualTo(datasource.get("uid"));
		});
	}

	@Test
	void theThreeDashboardsHaveTheirPanelsAndProvinceAndRegencyFilters() {
		List<JsonNode> dashboards = Dashboards.all();

		assertThat(dashboards).extracting((dashboard) -> dashboard.path("title").asString())
			.containsExactly("UCJ Alerts", "UCJ Coverage", "UCJ Pipeline");
		assertThat(dashboards).allSatisfy((dashboard) -> {
			assertThat(dashboard.path("uid").asString()).startsWith("ucj-");
			assertThat(variableNames(dashboard)).contains("province");
			assertThat(Dashboards.panels(dashboard))
				.allSatisfy((panel) -> assertThat(panel.path("title").asString()).isNotBlank());
		});
		assertThat(variableNames(dashboards.get(1))).containsExactly("province", "regency");
		assertThat(titles(dashboards.get(1))).anyMatch((title) -> title.contains("churn"))
			.anyMatch((title) -> title.contains("over time"))
			.anyMatch((title) -> title.contains("against target"));
		assertThat(titles(dashboards.get(2))).anyMatch((title) -> title.contains("Rejections"))
			.anyMatch((title) -> title.contains("lag"))
			.anyMatch((title) -> title.contains("Batch"))
			.anyMatch((title) -> title.contains("Dead letters"))
			.anyMatch((title) -> title.contains("publish"))
			.anyMatch((title) -> title.contains("consumer lag"))
			.anyMatch((title) -> title.contains("Commit latency"))
			.anyMatch((title) -> title.contains("End-to-end latency"))
			.anyMatch((title) -> title.contains("restore"))
			.anyMatch((title) -> title.contains("standby"))
			.anyMatch((title) -> title.contains("Records processed"))
			.anyMatch((title) -> title.contains("Kafka Streams state"));
		assertThat(titles(dashboards.get(0))).anyMatch((title) -> title.contains("by direction"))
			.anyMatch((title) -> title.contains("by channel and outcome"))
			.anyMatch((title) -> title.contains("backlog"));
	}

	@Test
	void gridPositionsDoNotOverlap() {
		for (JsonNode dashboard : Dashboards.all()) {
			List<JsonNode> panels = Dashboards.panels(dashboard);
			for (int i = 0; i < panels.size(); i++) {
				for (int j = i + 1; j < panels.size(); j++) {
					assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
						.as(dashboard.path("title").asString() + ": " + panels.get(i).path("title").asString() + " and "
								+ panels.get(j).path("title").asString())
						.isFalse();
				}
			}
		}
	}

	private static boolean overlap(JsonNode a, JsonNode b) {
		return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
				&& b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
				&& a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
				&& b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
	}

	private static List<String> variableNames(JsonNode dashboard) {
		return dashboard.path("templating")
			.path("list")
			.valueStream()
			.map((variable) -> variable.path("name").asString())
			.toList();
	}

	private static List<String> titles(JsonNode dashboard) {
		return Dashboards.panels(dashboard).stream().map((panel) -> panel.path("title").asString()).toList();
	}

}
