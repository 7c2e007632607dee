package id.ucj.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One API key as a keys file holds it, one line per key, like {@code authorized_keys}:
 * {@code <sha256 of the key> <client id> <role> <areas, comma-separated> [<requests per second>]}.
 * Only the hash of a key is ever stored; the key itself is shown once, to whoever created
 * it.
 *
 * @param sha256 the hex SHA-256 of the key's UTF-8 bytes
 * @param client who presents it; events and settings name this id, never a person
 * @param role {@code enroller}, {@code admin} or {@code reader}
 * @param areas province codes ({@code 15}), regency codes ({@code 15.03}) or {@code *}
 * for all
 * @param ratePerSecond the client's own rate limit, or {@code null} for the services'
 * default
 */
public record ClientKey(String sha256, String client, String role, List<String> areas, Integer ratePerSecond) {

	public static final Set<String> ROLES = Set.of("enroller", "admin", "reader");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern AREA = Pattern.compile("\\*|\\d{2}|\\d{2}\\.\\d{2}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public ClientKey {
		areas = List.copyOf(areas);
		require(sha256 != null && HASH.matcher(sha256).matches(), "the key's hash must be 64 lowercase hex digits");
		require(client != null && CLIENT.matcher(client).matches(),
				"a client id is 1 to 64 letters, digits, '.', '_' or '-': " + client);
		require(ROLES.contains(role), "the role must be one of enroller, admin, reader: " + role);
		require(!areas.isEmpty() && areas.stream().allMatch(ClientKey::isArea),
				"areas are province codes (15), regency codes (15.03) or *: " + areas);
		require(ratePerSecond == null || ratePerSecond > 0, "a rate limit must be positive: " + ratePerSecond);
	}

	/**
	 * Whether this names an area: a province code ({@code 15}), a regency code
	 * ({@code 15.03}) or {@code *}.
	 */
	public static boolean isArea(String area) {
		return area != null && AREA.matcher(area).matches();
	}

	/**
	 * A new key: 256 random bits, URL-safe, recognisable by its {@code ucj_} prefix (so
	 * secret scanners find it).
	 */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "ucj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The stored form of a key. A fast hash is enough: keys are 256 random bits, not
	 * passwords, so there is nothing to guess; a slow hash would only cost every request.
	 */
	public static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * Reads one line of a keys file; blank lines and {@code #} comments are not keys
	 * (null).
	 */
	public static ClientKey parse(String line) {
		String trimmed = line.strip();
		if (trimmed.isEmpty() || trimmed.startsWith("#")) {
			return null;
		}
		String[] fields = trimmed.split("\\s+");
		require(fields.length == 4 || fields.length == 5,
				"a key line is: <sha256> <client> <role> <areas> [<requests per second>]");
		Integer rate = null;
		if (fields.length == 5) {
			require(fields[4].matches("\\d{1,9}"),
					"a rate limit is a whole number of requests per second: " + fields[4]);
			rate = Integer.valueOf(fields[4]);
		}
		return new ClientKey(fields[0], fields[1], fields[2], Arrays.asList(fields[3].split(",")), rate);
	}

	/** This key as one line of a keys file. */
	public String line() {
		return String.join(" ", this.sha256, this.client, this.role, String.join(",", this.areas))
				+ ((this.ratePerSecond != null) ? " " + this.ratePerSecond : "");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
