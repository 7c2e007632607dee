package id.ucj.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every scenario takes. */
class Options {

	@Option(names = "--enrollment", defaultValue = "http://localhost:8081",
			description = "enrollment-service (default: ${DEFAULT-VALUE})")
	URI enrollment;

	@Option(names = "--aggregator", defaultValue = "http://localhost:8082",
			description = "coverage-aggregator (default: ${DEFAULT-VALUE})")
	URI aggregator;

	@Option(names = "--notification", defaultValue = "http://localhost:8083",
			description = "notification-service (default: ${DEFAULT-VALUE})")
	URI notification;

	@Option(names = "--rate", defaultValue = "0",
			description = "registrations per second, 0 for as fast as the system takes them (default: ${DEFAULT-VALUE})")
	double rate;

	@Option(names = "--batch-size", defaultValue = "500",
			description = "registrations per batch request, 1 to 1000 (default: ${DEFAULT-VALUE})")
	int batchSize;

	@Option(names = "--concurrency", defaultValue = "4",
			description = "field apps uploading at once (default: ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--seed", defaultValue = "2024",
			description = "same seed, same participants (default: ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--duplicates", defaultValue = "0.02",
			description = "share of registrations a field app submits twice (default: ${DEFAULT-VALUE})")
	double duplicates;

	@Option(names = "--lost-responses", defaultValue = "0.01",
			description = "share of batches whose answer is lost, so the app sends them again (default: ${DEFAULT-VALUE})")
	double lostResponses;

	@Option(names = "--enroller-key", defaultValue = "${env:UCJ_ENROLLER_KEY}",
			description = "API key of an enroller (default: UCJ_ENROLLER_KEY, else the local run's key)")
	String enrollerKey;

	@Option(names = "--admin-key", defaultValue = "${env:UCJ_ADMIN_KEY}",
			description = "API key of an admin (default: UCJ_ADMIN_KEY, else the local run's key)")
	String adminKey;

	@Option(names = "--reader-key", defaultValue = "${env:UCJ_READER_KEY}",
			description = "API key of a reader (default: UCJ_READER_KEY, else the local run's key)")
	String readerKey;

	@Option(names = "--local-keys", defaultValue = "${env:UCJ_DATA_DIR:-var}/security/local-keys.env",
			description = "the local run's keys, kept by the launcher (default: ${DEFAULT-VALUE})")
	Path localKeys;

	@Option(names = "--given-out", hidden = true,
			description = "writes the NIK and name of every participant submitted, for the personal-data check")
	Path givenOut;

	String enrollerKey() {
		return key(this.enrollerKey, "UCJ_ENROLLER_KEY");
	}

	String adminKey() {
		return key(this.adminKey, "UCJ_ADMIN_KEY");
	}

	String readerKey() {
		return key(this.readerKey, "UCJ_READER_KEY");
	}

	private String key(String given, String variable) {
		if (given != null && !given.isBlank()) {
			return given.strip();
		}
		try {
			if (Files.exists(this.localKeys)) {
				for (String line : Files.readAllLines(this.localKeys)) {
					if (line.startsWith(variable + "=")) {
						return line.substring(variable.length() + 1).strip();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.localKeys, ex);
		}
		throw new IllegalStateException("No API key for " + variable + ": set it, pass it as an option, or start the "
				+ "launcher once (it keeps the local keys in " + this.localKeys + ")");
	}

}
