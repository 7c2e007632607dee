package id.ucj.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation and parameter of a service's own OpenAPI document, fuzzed
 * ({@link OpenApiFuzzer}): no 5xx, no broken connection, no invalid body accepted, no
 * request without a valid credential let through. Each service's test extends it, in the
 * service's own package.
 */
@IntegrationTest
public abstract class NoInputGets5xx {

	@LocalServerPort
	int port;

	@Test
	void answersEveryGeneratedAndMutatedRequestWithoutA5xxAndAcceptsNoInvalidOne() {
		OpenApiFuzzer fuzzer = new OpenApiFuzzer(this.port, 2024,
				List.of(TestKeys.ENROLLER, TestKeys.READER, TestKeys.ADMIN));

		assertThat(fuzzer.fuzz()).isEmpty();
		assertThat(fuzzer.requests()).isGreaterThan(100);
	}

}
