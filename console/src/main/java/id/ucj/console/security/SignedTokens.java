package id.ucj.console.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived RS256 tokens for local users, signed with the console's key: the services
 * verify them with its public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), as they verify
 * an identity provider's. The token names the login as {@code client_id} and carries the
 * user's role and areas; one is minted per user and reused until it is near its end.
 */
final class SignedTokens implements ServiceTokens {

	static final String ISSUER = "ucj-console";

	private final JwtEncoder encoder;

	private final String audience;

	private final Duration lifetime;

	private final Clock clock;

	private final ConcurrentMap<SignedIn, Minted> minted = new ConcurrentHashMap<>();

	SignedTokens(Path privateKey, String audience, Duration lifetime, Clock clock) {
		RSAPrivateKey key = read(privateKey);
		this.encoder = NimbusJwtEncoder.withKeyPair(publicKeyOf(key), key).build();
		this.audience = audience;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	@Override
	public String bearer(Authentication user) {
		SignedIn signedIn = ((HasSignedIn) user.getPrincipal()).signedIn();
		Instant now = this.clock.instant();
		return this.minted.compute(signedIn, (who, held) -> (held != null && held.freshAt(now, this.lifetime)) ? held
				: new Minted(mint(who, now), now.plus(this.lifetime)))
			.token();
	}

	private String mint(SignedIn user, Instant now) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.login())
			.audience(java.util.List.of(this.audience))
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.claim("client_id", user.login())
			.claim("ucj_role", user.role())
			.claim("ucj_areas", user.areaList())
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static RSAPrivateKey read(Path file) {
		try {
			return RsaKeyConverters.pkcs8().convert(Files.newInputStream(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the console's signing key " + file + ": " + ex, ex);
		}
	}

	private static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
		try {
			RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
		}
		catch (java.security.GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("The console's signing key is not a full RSA private key", ex);
		}
	}

	/** A token and when it ends; it is renewed once less than half its life is left. */
	private record Minted(String token, Instant expiresAt) {

		boolean freshAt(Instant now, Duration lifetime) {
			return now.plus(lifetime.dividedBy(2)).isBefore(this.expiresAt);
		}

	}

}
