package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import id.ucj.contract.ConsoleUser;

/**
 * The web console's local users ({@code var/security/console-users}): one
 * {@link ConsoleUser} line per user, bcrypt hashes only, written under a file lock and by
 * an atomic replace, so that the running console (which reads it again when it changes)
 * never sees half a file.
 */
final class UsersFile {

	private static final String HEADER = """
			# Web console users of UCJ Coverage: <login> <bcrypt hash of the password> <role> <areas>
			# Written by the launcher (the first admin) and by 'users add'; never the passwords themselves.
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);

	private final LinesFile<ConsoleUser> file;

	UsersFile(Path file) {
		this.file = new LinesFile<>(file, HEADER, ConsoleUser::parse, ConsoleUser::line);
	}

	static UsersFile in(Path dataDir) {
		return new UsersFile(dataDir.resolve("security").resolve("console-users"));
	}

	Path path() {
		return this.file.path();
	}

	/** A new password: 128 random bits, URL-safe, 22 characters. */
	static String generatePassword() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String password) {
		return BCRYPT.encode(password);
	}

	/**
	 * Adds a user, or gives an existing login a new password, role and areas.
	 * @return whether the login was new
	 */
	boolean put(ConsoleUser user) throws IOException {
		boolean[] added = { true };
		this.file.update((users) -> {
			added[0] = !users.removeIf((held) -> held.login().equals(user.login()));
			users.add(user);
			return users;
		});
		return added[0];
	}

	/** Adds the user unless the file holds anyone already; whether it did. */
	boolean addIfEmpty(ConsoleUser user) throws IOException {
		boolean[] added = { false };
		this.file.update((users) -> {
			if (users.isEmpty()) {
				users.add(user);
				added[0] = true;
			}
			return users;
		});
		return added[0];
	}

	List<ConsoleUser> read() throws IOException {
		return this.file.read();
	}

}
