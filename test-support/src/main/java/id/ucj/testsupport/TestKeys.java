package id.ucj.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ucj.contract.ClientKey;

/**
 * API keys that every Spring test context accepts ({@link TestContextDefaults}): one per
 * role for all areas, one per role for Jambi (province 15) only, and one enroller with a
 * rate limit of 5 per second. Test-only values: they exist in no deployment.
 */
public final class TestKeys {

	public static final String ENROLLER = "ucj_test-enroller-all-areas";

	public static final String ADMIN = "ucj_test-admin-all-areas";

	public static final String READER = "ucj_test-reader-all-areas";

	public static final String ENROLLER_JAMBI = "ucj_test-enroller-jambi";

	public static final String ADMIN_JAMBI = "ucj_test-admin-jambi";

	public static final String READER_JAMBI = "ucj_test-reader-jambi";

	public static final String ENROLLER_FIVE_PER_SECOND = "ucj_test-enroller-5-per-second";

	private static final List<ClientKey> KEYS = List.of(key(ENROLLER, "test-enroller", "enroller", "*", null),
			key(ADMIN, "test-admin", "admin", "*", null), key(READER, "test-reader", "reader", "*", null),
			key(ENROLLER_JAMBI, "test-enroller-jambi", "enroller", "15", null),
			key(ADMIN_JAMBI, "test-admin-jambi", "admin", "15", null),
			key(READER_JAMBI, "test-reader-jambi", "reader", "15", null),
			key(ENROLLER_FIVE_PER_SECOND, "test-enroller-slow", "enroller", "*", 5));

	private TestKeys() {
	}

	/**
	 * The keys as {@code ucj.security.api-keys} properties, and a default rate limit no
	 * test reaches by accident.
	 */
	public static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int index = 0; index < KEYS.size(); index++) {
			ClientKey key = KEYS.get(index);
			String prefix = "ucj.security.api-keys[" + index + "].";
			properties.put(prefix + "sha256", key.sha256());
			properties.put(prefix + "client", key.client());
			properties.put(prefix + "role", key.role());
			properties.put(prefix + "areas", String.join(",", key.areas()));
			if (key.ratePerSecond() != null) {
				properties.put(prefix + "rate", key.ratePerSecond());
			}
		}
		properties.put("ucj.security.rate-limit.per-second", 100_000);
		properties.put("ucj.security.rate-limit.burst", 100_000);
		return properties;
	}

	private static ClientKey key(String key, String client, String role, String areas, Integer rate) {
		return new ClientKey(ClientKey.hash(key), client, role, List.of(areas), rate);
	}

}
