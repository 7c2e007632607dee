package id.ucj.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/** A client retries a service that is down as it retries a 503: with its own back-off. */
class RetryAfterTest {

	@Test
	void aServiceThatDoesNotAnswerIsRetriedWithThePolicysOwnBackOff() {
		RetryPolicy<HttpResponse<String>> policy = RetryPolicy.<HttpResponse<String>>builder()
			.handle(IOException.class)
			.withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
			.withDelayFn(RetryAfter::delay)
			.withMaxRetries(3)
			.build();
		AtomicInteger attempts = new AtomicInteger();

		Failsafe.with(policy).get(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new IOException("Connection refused");
			}
			return null;
		});

		assertThat(attempts).hasValue(3);
	}

}
