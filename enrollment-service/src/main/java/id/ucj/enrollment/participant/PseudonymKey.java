package id.ucj.enrollment.participant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pseudonymisation key: the configured one, else one generated once for this machine and kept in the key
 * file, so that participant ids stay stable across restarts of a local run.
 */
@Component
class PseudonymKey {

	private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

	private static final int MIN_BYTES = 32;

	private final byte[] bytes;

	PseudonymKey(PseudonymSettings settings) {
		this.bytes = (settings.key() != null && !settings.key().isBlank()) ? decode(settings.key(), "ucj.pseudonym.key")
				: fromFile(settings.keyFile());
	}

	byte[] bytes() {
		return this.bytes.clone();
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.notExists(file)) {
				generate(file);
			}
			return decode(Files.readString(file).trim(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the pseudonymisation key " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		byte[] key = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, Base64.getEncoder().encodeToString(key));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the directory's own protection has to do.
		}
		log.warn("Generated a development-only pseudonymisation key in {}; set ucj.pseudonym.key in production", file);
	}

	private static byte[] decode(String base64, String origin) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length < MIN_BYTES) {
			throw new IllegalStateException("The pseudonymisation key from " + origin + " must be at least " + MIN_BYTES + " bytes");
		}
		return key;
	}

}
