package id.ucj.deploy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportedMetricsTest {

	private static final String SCRAPE = """
			# HELP ucj_alert_deliveries_total Alert delivery attempts
			# TYPE ucj_alert_deliveries_total counter
			ucj_alert_deliveries_total{channel="webhook",outcome="delivered"} 3.0
			# HELP ucj_coverage_ratio Covered share of the workforce
			# TYPE ucj_coverage_ratio gauge
			ucj_coverage_ratio{regency="15.03"} 0.651
			# TYPE jvm_memory_used_bytes gauge
			jvm_memory_used_bytes{area="heap"} 1.0E7
			""";

	@Test
	void readsTheFamiliesOfAScrape() {
		assertThat(ExportedMetrics.families(SCRAPE)).containsExactly("jvm_memory_used_bytes",
				"ucj_alert_deliveries_total", "ucj_coverage_ratio");
	}

	@Test
	void aFamilyIsDocumentedByItsNameOrByAPrefix() {
		Set<String> spans = Set.of("ucj_alert_deliveries_total", "ucj_coverage", "jvm_*");

		assertThat(ExportedMetrics.documented("ucj_alert_deliveries_total", spans)).isTrue();
		assertThat(ExportedMetrics.documented("ucj_alert_deliveries", spans)).isTrue();
		assertThat(ExportedMetrics.documented("jvm_memory_used_bytes", spans)).isTrue();
		assertThat(ExportedMetrics.documented("ucj_coverage_ratio", spans)).isFalse();
		assertThat(ExportedMetrics.documented("process_cpu_usage", spans)).isFalse();
	}

}
