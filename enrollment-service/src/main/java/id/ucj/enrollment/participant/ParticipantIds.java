package id.ucj.enrollment.participant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Derives a participant's pseudonymous id from the NIK: HMAC-SHA256 under a secret key,
 * hex-encoded, after the key's version ({@code v1-<64 hex>}). The same NIK always gives
 * the same id under one key, and without the key the id cannot be traced back to the NIK
 * (UU 27/2022). The version tells ids of different keys apart after a rotation
 * (docs/security.md).
 */
@Component
public class ParticipantIds {

	private static final String ALGORITHM = "HmacSHA256";

	private final String prefix;

	/**
	 * A keyed {@link Mac} per thread: a {@code Mac} is not thread-safe, and looking one
	 * up in the providers for every NIK cost more than the HMAC itself. {@code doFinal}
	 * resets it for the next NIK.
	 */
	private final ThreadLocal<Mac> macs;

	ParticipantIds(PseudonymKey key) {
		SecretKeySpec secret = new SecretKeySpec(key.bytes(), ALGORITHM);
		this.prefix = "v" + key.version() + "-";
		this.macs = ThreadLocal.withInitial(() -> keyed(secret));
	}

	public String of(String nik) {
		return this.prefix + HexFormat.of().formatHex(this.macs.get().doFinal(nik.getBytes(StandardCharsets.US_ASCII)));
	}

	private static Mac keyed(SecretKeySpec secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(secret);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
