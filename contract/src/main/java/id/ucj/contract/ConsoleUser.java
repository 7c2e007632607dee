package id.ucj.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One local user of the web console as the users file holds it, one line per user:
 * {@code <login> <password hash> <role> <areas, comma-separated>}. Only a bcrypt hash of
 * the password is stored; the password is shown once, to whoever created the user.
 *
 * @param login how the user signs in, and the client id that changes they make record:
 * never a person's name
 * @param passwordHash the password's bcrypt hash ({@code $2a$...} or {@code $2b$...})
 * @param role {@code admin} (sets workforce and target) or {@code reader}
 * @param areas province codes ({@code 15}), regency codes ({@code 15.03}) or {@code *}
 */
public record ConsoleUser(String login, String passwordHash, String role, List<String> areas) {

	public static final Set<String> ROLES = Set.of("admin", "reader");

	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

	public ConsoleUser {
		areas = List.copyOf(areas);
		require(login != null && LOGIN.matcher(login).matches(),
				"a login is 1 to 64 lowercase letters, digits, '.', '_' or '-': " + login);
		require(passwordHash != null && BCRYPT.matcher(passwordHash).matches(), "the password hash must be bcrypt");
		require(ROLES.contains(role), "the role must be admin or reader: " + role);
		require(!areas.isEmpty() && areas.stream().allMatch(ClientKey::isArea),
				"areas are province codes (15), regency codes (15.03) or *: " + areas);
	}

	/** Whether {@code login} is a valid login. */
	public static boolean isLogin(String login) {
		return login != null && LOGIN.matcher(login).matches();
	}

	/**
	 * The user on one line of the users file; {@code null} for a blank line or a comment.
	 * @throws IllegalArgumentException for a line that names no valid user
	 */
	public static ConsoleUser parse(String line) {
		String text = line.strip();
		if (text.isEmpty() || text.startsWith("#")) {
			return null;
		}
		String[] fields = text.split("\\s+");
		require(fields.length == 4, "a user line is <login> <password hash> <role> <areas>");
		return new ConsoleUser(fields[0], fields[1], fields[2], Arrays.asList(fields[3].split(",")));
	}

	/** The user as a line of the users file. */
	public String line() {
		return String.join(" ", this.login, this.passwordHash, this.role, String.join(",", this.areas));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
