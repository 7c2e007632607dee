package id.ucj.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void findsTheMetricsAnExpressionReads() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[5s])))"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(
				PromQl.metricNames("(time() - max by (province) (ucj_enrollment_last_registration_timestamp_seconds))"
						+ " > on() group_left() ucj:setting:province_silence_seconds and on() ucj:working_hours"))
			.containsExactly("ucj:setting:province_silence_seconds", "ucj:working_hours",
					"ucj_enrollment_last_registration_timestamp_seconds");
		assertThat(PromQl.metricNames("vector(1) and on() (hour(vector(time() + 25200)) >= 8 < 17)")).isEmpty();
		assertThat(PromQl.metricNames("up{application=~\"a|b\"} == 0 or absent(up{job=\"x\"})")).containsExactly("up");
		assertThat(PromQl.metricNames("sum(x) / 1e3 * 2")).containsExactly("x");
	}

}
