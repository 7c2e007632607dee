package id.ucj.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.failsafe.ExecutionContext;

/**
 * A 429 says how long to wait ({@code Retry-After}, in seconds); a client that waits as
 * told gets through.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/** The wait a 429 asks for, or null for the policy's own back-off. */
	static Duration delay(ExecutionContext<HttpResponse<String>> context) {
		HttpResponse<String> last = context.getLastResult();
		if (last == null || last.statusCode() != 429) {
			return null;
		}
		return last.headers()
			.firstValue("Retry-After")
			.filter((value) -> value.matches("\\d{1,6}"))
			.map((value) -> Duration.ofSeconds(Long.parseLong(value)))
			.orElse(Duration.ofSeconds(1));
	}

}
