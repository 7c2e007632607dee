package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import id.ucj.contract.ConsoleUser;

/**
 * What the local run's web console needs, made once under the data directory: the RSA key
 * that signs the short-lived tokens it presents to the services for a signed-in user (the
 * private half 0600, the public half for the services), and, once everything runs, a
 * first admin, whose password is printed once.
 *
 * @param firstAdminPassword the first admin's password if it was made now, else
 * {@code null}
 */
record ConsoleAccess(Path signingKey, Path publicKey, Path usersFile, String firstAdmin, String firstAdminPassword) {

	static final String FIRST_ADMIN = "admin";

	static ConsoleAccess prepare(Path dataDir) throws IOException {
		Path security = PrivateFiles.directory(dataDir.resolve("security"));
		Path signingKey = security.resolve("console-signing-key.pem");
		Path publicKey = security.resolve("console-signing-key.pub");
		if (Files.notExists(signingKey) || Files.notExists(publicKey)) {
			KeyPair pair = generate();
			PrivateFiles.write(signingKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
			PrivateFiles.write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		}
		return new ConsoleAccess(signingKey, publicKey, UsersFile.in(dataDir).path(), FIRST_ADMIN, null);
	}

	/**
	 * Makes the first admin (all areas) unless the console has users already: once
	 * everything has started, just before the password is printed, so that a start that
	 * fails never makes a password nobody saw.
	 */
	ConsoleAccess withFirstAdmin() throws IOException {
		String password = UsersFile.generatePassword();
		boolean made = new UsersFile(this.usersFile)
			.addIfEmpty(new ConsoleUser(FIRST_ADMIN, UsersFile.hash(password), "admin", List.of("*")));
		return new ConsoleAccess(this.signingKey, this.publicKey, this.usersFile, FIRST_ADMIN, made ? password : null);
	}

	/**
	 * What the services need to accept the console's tokens, unless an identity provider
	 * is configured already: then the console relays that provider's tokens instead.
	 */
	Map<String, String> servicesEnvironment() {
		return Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
				"file:" + this.publicKey.toAbsolutePath(), "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
				"ucj-coverage");
	}

	Map<String, String> consoleEnvironment(String aggregatorUrl, String notificationUrl) {
		return Map.of("UCJ_CONSOLE_USERS_FILE", this.usersFile.toAbsolutePath().toString(), "UCJ_CONSOLE_SIGNING_KEY",
				this.signingKey.toAbsolutePath().toString(), "UCJ_AGGREGATOR_URL", aggregatorUrl,
				"UCJ_NOTIFICATION_URL", notificationUrl);
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has RSA", ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
