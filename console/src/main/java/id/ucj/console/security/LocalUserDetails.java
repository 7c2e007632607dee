package id.ucj.console.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import id.ucj.contract.ConsoleUser;

/** A local user as Spring Security signs them in; the hash is erased once checked. */
final class LocalUserDetails implements UserDetails, CredentialsContainer, HasSignedIn {

	private final SignedIn signedIn;

	private String passwordHash;

	LocalUserDetails(ConsoleUser user) {
		this.signedIn = new SignedIn(user.login(), user.role(), java.util.Set.copyOf(user.areas()));
		this.passwordHash = user.passwordHash();
	}

	@Override
	public SignedIn signedIn() {
		return this.signedIn;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.signedIn.role().toUpperCase(java.util.Locale.ROOT)));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.signedIn.login();
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
