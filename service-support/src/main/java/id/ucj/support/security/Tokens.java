package id.ucj.support.security;

/**
 * Tells the two kinds of bearer credential apart: a JWT is three base64url parts joined
 * by dots; a key is not.
 */
final class Tokens {

	private Tokens() {
	}

	static boolean isJwt(String token) {
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

}
