package id.ucj.simulator;

import java.net.URI;

import picocli.CommandLine.Option;

/** Options every scenario takes. */
class Options {

	@Option(names = "--enrollment", defaultValue = "http://localhost:8081", description = "enrollment-service (default: ${DEFAULT-VALUE})")
	URI enrollment;

	@Option(names = "--aggregator", defaultValue = "http://localhost:8082", description = "coverage-aggregator (default: ${DEFAULT-VALUE})")
	URI aggregator;

	@Option(names = "--notification", defaultValue = "http://localhost:8083", description = "notification-service (default: ${DEFAULT-VALUE})")
	URI notification;

	@Option(names = "--rate", defaultValue = "0", description = "registrations per second, 0 for as fast as the system takes them (default: ${DEFAULT-VALUE})")
	double rate;

	@Option(names = "--batch-size", defaultValue = "500", description = "registrations per batch request, 1 to 1000 (default: ${DEFAULT-VALUE})")
	int batchSize;

	@Option(names = "--concurrency", defaultValue = "4", description = "field apps uploading at once (default: ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--seed", defaultValue = "2024", description = "same seed, same participants (default: ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--duplicates", defaultValue = "0.02", description = "share of registrations a field app submits twice (default: ${DEFAULT-VALUE})")
	double duplicates;

	@Option(names = "--lost-responses", defaultValue = "0.01", description = "share of batches whose answer is lost, so the app sends them again (default: ${DEFAULT-VALUE})")
	double lostResponses;

}
