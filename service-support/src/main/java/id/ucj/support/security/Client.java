package id.ucj.support.security;

import java.util.Set;

/**
 * Whoever called, as every controller sees it
 * ({@code @AuthenticationPrincipal Client client}), whether they presented an API key or
 * a JWT.
 *
 * @param id the client id that events and settings record, never a person's name
 * @param areas province codes ({@code 15}), regency codes ({@code 15.03}) or {@code *}
 * @param ratePerSecond the client's own rate limit, or {@code null} for the default
 */
public record Client(String id, Role role, Set<String> areas, Integer ratePerSecond) {

	public static final String ALL_AREAS = "*";

	public Client {
		areas = Set.copyOf(areas);
	}

	/**
	 * Whether the client may act in a regency ({@code 15.03}): it names the regency, its
	 * province, or all.
	 */
	public boolean mayActIn(String regencyCode) {
		return actsEverywhere() || this.areas.contains(regencyCode)
				|| (regencyCode.length() > 2 && this.areas.contains(regencyCode.substring(0, 2)));
	}

	/**
	 * Whether the client may see a whole province ({@code 15}): it names the province or
	 * all.
	 */
	public boolean mayActInProvince(String provinceCode) {
		return actsEverywhere() || this.areas.contains(provinceCode);
	}

	public boolean actsEverywhere() {
		return this.areas.contains(ALL_AREAS);
	}

	/** Refuses, with a 403 that names the area, what the client may not do there. */
	public void requireArea(String regencyCode) {
		if (!mayActIn(regencyCode)) {
			throw new OutsideAreas(this, regencyCode);
		}
	}

}
