package id.ucj.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.failsafe.ExecutionContext;

/**
 * A 429 says how long to wait ({@code Retry-After}, in seconds); a client that waits as
 * told gets through.
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Failsafe's answer for "no opinion": a negative delay makes the policy use its own
	 * back-off (null fails it).
	 */
	private static final Duration OWN_BACK_OFF = Duration.ofMillis(-1);

	/**
	 * The wait a 429 asks for; otherwise (a 503, a service down) the policy's own
	 * back-off.
	 */
	public static Duration delay(ExecutionContext<HttpResponse<String>> context) {
		HttpResponse<String> last = context.getLastResult();
		if (last == null || last.statusCode() != 429) {
			return OWN_BACK_OFF;
		}
		return last.headers()
			.firstValue("Retry-After")
			.filter((value) -> value.matches("\\d{1,6}"))
			.map((value) -> Duration.ofSeconds(Long.parseLong(value)))
			.orElse(Duration.ofSeconds(1));
	}

}
