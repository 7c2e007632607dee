package id.ucj.console.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import id.ucj.contract.ConsoleUser;

/**
 * The console's local users, from the users file that the launcher's {@code users add}
 * writes. The file is read again as soon as it changes, so that a new user can sign in at
 * once; a line that names no valid user is skipped with a warning that names its line
 * number, never its content.
 */
final class LocalUsers implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

	private final Path file;

	private volatile Loaded loaded = new Loaded(null, Map.of());

	LocalUsers(Path file) {
		this.file = file;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		ConsoleUser user = users().get(login);
		if (user == null) {
			throw new UsernameNotFoundException("No such user");
		}
		return new LocalUserDetails(user);
	}

	private Map<String, ConsoleUser> users() {
		Object version = version();
		Loaded current = this.loaded;
		if (!Objects.equals(current.version(), version)) {
			synchronized (this) {
				current = this.loaded;
				if (!Objects.equals(current.version(), version)) {
					current = new Loaded(version, read());
					this.loaded = current;
				}
			}
		}
		return current.users();
	}

	private Object version() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			return List.of(String.valueOf(attributes.fileKey()), attributes.size(), attributes.lastModifiedTime());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Map<String, ConsoleUser> read() {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file);
		}
		catch (NoSuchFileException ex) {
			log.warn("No users file at {}: nobody can sign in until the launcher's 'users add' makes one", this.file);
			return Map.of();
		}
		catch (IOException ex) {
			log.warn("Cannot read the users file {}: {}; nobody can sign in until it can be read", this.file,
					ex.toString());
			return Map.of();
		}
		Map<String, ConsoleUser> users = new HashMap<>();
		for (int number = 1; number <= lines.size(); number++) {
			try {
				ConsoleUser user = ConsoleUser.parse(lines.get(number - 1));
				if (user != null) {
					users.put(user.login(), user);
				}
			}
			catch (IllegalArgumentException ex) {
				log.warn("Users file {}, line {}: {}; that user cannot sign in", this.file, number, ex.getMessage());
			}
		}
		log.info("Read {} console users from {}", users.size(), this.file);
		return Map.copyOf(users);
	}

	private record Loaded(Object version, Map<String, ConsoleUser> users) {
	}

}
