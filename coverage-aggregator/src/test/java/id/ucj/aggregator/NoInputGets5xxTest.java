package id.ucj.aggregator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.OpenApiFuzzer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation and parameter of the service's own OpenAPI document, fuzzed: no 5xx, no broken connection. */
@IntegrationTest
class NoInputGets5xxTest {

	@LocalServerPort
	int port;

	@Test
	void answersEveryGeneratedAndMutatedRequestWithoutA5xxAndAcceptsNoInvalidOne() {
		OpenApiFuzzer fuzzer = new OpenApiFuzzer(this.port, 2024);

		assertThat(fuzzer.fuzz()).isEmpty();
		assertThat(fuzzer.requests()).isGreaterThan(100);
	}

}
