package id.ucj.support.security;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a client may do: enrol, administer regencies (and read), or read. */
public enum Role {

	ENROLLER, ADMIN, READER;

	/**
	 * The Spring Security authorities of the role: an admin may do everything a reader
	 * may.
	 */
	List<GrantedAuthority> authorities() {
		return switch (this) {
			case ADMIN -> List.of(authority(ADMIN), authority(READER));
			default -> List.of(authority(this));
		};
	}

	static Role of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	private static GrantedAuthority authority(Role role) {
		return new SimpleGrantedAuthority("ROLE_" + role.name());
	}

}
