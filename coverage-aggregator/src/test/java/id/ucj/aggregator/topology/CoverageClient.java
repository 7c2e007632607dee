package id.ucj.aggregator.topology;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import id.ucj.contract.Program;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The aggregator's HTTP API, as operators and dashboards call it. */
public final class CoverageClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpTestClient http;

	private final HttpTestClient admin;

	public CoverageClient(int port) {
		this.http = new HttpTestClient(port, TestKeys.READER);
		this.admin = this.http.as(TestKeys.ADMIN);
	}

	/** The API as called with another key (or none). */
	public HttpTestClient as(String key) {
		return this.http.as(key);
	}

	public HttpResponse<String> get(String path) {
		return this.http.get(path);
	}

	public HttpResponse<String> put(String path, String json) {
		return this.admin.put(path, json);
	}

	public JsonNode json(String path) {
		return JSON.readTree(get(path).body());
	}

	/**
	 * Coverage of these regencies as the API reports it, in the shape of
	 * {@link EventLog#expectedCoverage()}: active participants in the regencies' current
	 * month.
	 */
	Map<String, Long> coverage(java.util.Collection<String> regencies) {
		Map<String, Long> coverage = new TreeMap<>();
		for (JsonNode regency : json("/api/v1/coverage")) {
			String code = regency.get("regencyCode").asString();
			if (!regencies.contains(code)) {
				continue;
			}
			if (regency.get("registered").asLong() != 0) {
				coverage.put(code, regency.get("registered").asLong());
			}
			if (regency.get("covered").asLong() != 0) {
				coverage.put(code + "@" + regency.get("month").asString() + "/active", regency.get("covered").asLong());
			}
			for (Program program : Program.values()) {
				long covered = regency.get("byProgram").get(program.name()).asLong();
				if (covered != 0) {
					coverage.put(code + "/" + program, covered);
				}
			}
		}
		return coverage;
	}

}
