package id.ucj.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

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

	private final Path file;

	UsersFile(Path file) {
		this.file = file;
	}

	static UsersFile in(Path dataDir) {
		return new UsersFile(dataDir.resolve("security").resolve("console-users"));
	}

	Path path() {
		return this.file;
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
		update((users) -> {
			added[0] = !users.removeIf((held) -> held.login().equals(user.login()));
			users.add(user);
			return users;
		});
		return added[0];
	}

	/** Adds the user unless the file holds anyone already; whether it did. */
	boolean addIfEmpty(ConsoleUser user) throws IOException {
		boolean[] added = { false };
		update((users) -> {
			if (users.isEmpty()) {
				users.add(user);
				added[0] = true;
			}
			return users;
		});
		return added[0];
	}

	List<ConsoleUser> read() throws IOException {
		if (Files.notExists(this.file)) {
			return new ArrayList<>();
		}
		return new ArrayList<>(
				Files.readAllLines(this.file).stream().map(ConsoleUser::parse).filter(Objects::nonNull).toList());
	}

	private void update(Change change) throws IOException {
		PrivateFiles.directory(this.file.getParent());
		try (FileChannel lockFile = FileChannel.open(this.file.resolveSibling(this.file.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
			List<ConsoleUser> users = change.apply(read());
			StringBuilder content = new StringBuilder(HEADER);
			users.forEach((user) -> content.append(user.line()).append('\n'));
			PrivateFiles.write(this.file, content.toString());
		}
	}

	@FunctionalInterface
	private interface Change {

		List<ConsoleUser> apply(List<ConsoleUser> users);

	}

}
