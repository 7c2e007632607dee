package id.ucj.enrollment.participant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pseudonymisation key: the configured one, else one generated once for this machine
 * and kept in the key file, so that participant ids stay stable across restarts of a
 * local run.
 */
@Component
class PseudonymKey {

	private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

	private static final int MIN_BYTES = 32;

	private final byte[] bytes;

	private final int version;

	PseudonymKey(PseudonymSettings settings) {
		this.bytes = (settings.key() != null && !settings.key().isBlank()) ? decode(settings.key(), "ucj.pseudonym.key")
				: fromFile(settings.keyFile());
		this.version = settings.keyVersion();
	}

	byte[] bytes() {
		return this.bytes.clone();
	}

	int version() {
		return this.version;
	}

	/** Never the key: this object may end up in a log line or a debugger's view. */
	@Override
	public String toString() {
		return "PseudonymKey[version " + this.version + "]";
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

	/**
	 * Writes a new key to a temporary file that is created owner-only (0600) from the
	 * start, then moves it into place atomically: no moment exists where the key is
	 * readable by others, or half written.
	 */
	private static void generate(Path file) throws IOException {
		byte[] key = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(key);
		Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary;
		try {
			temporary = Files.createTempFile(directory, ".pseudonym", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the directory's own protection has to do.
			temporary = Files.createTempFile(directory, ".pseudonym", ".tmp");
		}
		try {
			Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		log.warn("Generated a development-only pseudonymisation key in {}; set ucj.pseudonym.key in production", file);
	}

	private static byte[] decode(String base64, String origin) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length < MIN_BYTES) {
			throw new IllegalStateException(
					"The pseudonymisation key from " + origin + " must be at least " + MIN_BYTES + " bytes");
		}
		return key;
	}

}
