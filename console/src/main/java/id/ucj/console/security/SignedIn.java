package id.ucj.console.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is signed in, as every page sees it, whether they signed in with a local password
 * or through the organisation's identity provider.
 *
 * @param login the client id that their changes record: never a person's name
 * @param role {@code admin} or {@code reader}
 * @param areas province codes ({@code 15}), regency codes ({@code 15.03}) or {@code *}
 */
public record SignedIn(String login, String role, Set<String> areas) {

	public SignedIn {
		areas = Set.copyOf(areas);
	}

	public boolean isAdmin() {
		return "admin".equals(this.role);
	}

	/** Whether the user may see a regency ({@code 15.03}): it, its province, or all. */
	public boolean maySee(String regencyCode) {
		return this.areas.contains("*") || this.areas.contains(regencyCode)
				|| (regencyCode.length() > 2 && this.areas.contains(regencyCode.substring(0, 2)));
	}

	/**
	 * Whether any of the province ({@code 15}) is the user's: all of it, or one of its
	 * regencies.
	 */
	public boolean maySeeProvince(String provinceCode) {
		return this.areas.contains("*") || this.areas.stream()
			.anyMatch((area) -> area.equals(provinceCode) || area.startsWith(provinceCode + "."));
	}

	/** The areas, sorted, as the pages and the tokens name them. */
	public List<String> areaList() {
		return this.areas.stream().sorted().toList();
	}

	/** Parses a claim or file field: a list, or codes separated by spaces or commas. */
	static Set<String> areasOf(Object claim) {
		if (claim instanceof Collection<?> list) {
			return Set.copyOf(list.stream().map(String::valueOf).toList());
		}
		if (claim instanceof String text && !text.isBlank()) {
			return Set.of(text.strip().split("[\\s,]+"));
		}
		return Set.of();
	}

}
