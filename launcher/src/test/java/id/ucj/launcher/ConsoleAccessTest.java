package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import id.ucj.contract.ConsoleUser;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAccessTest {

	@TempDir
	Path dataDir;

	@Test
	void makesTheSigningKeyOnceAndTheFirstAdminOnlyWhileThereIsNobody() throws Exception {
		ConsoleAccess prepared = ConsoleAccess.prepare(this.dataDir);
		String key = Files.readString(prepared.signingKey());
		ConsoleAccess first = prepared.withFirstAdmin();
		ConsoleAccess second = ConsoleAccess.prepare(this.dataDir).withFirstAdmin();

		assertThat(Files.readString(second.signingKey())).isEqualTo(key).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(second.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(first.firstAdminPassword()).hasSize(22);
		assertThat(second.firstAdminPassword()).isNull();
		List<ConsoleUser> users = UsersFile.in(this.dataDir).read();
		assertThat(users).singleElement().satisfies((admin) -> {
			assertThat(admin.login()).isEqualTo("admin");
			assertThat(admin.areas()).containsExactly("*");
			assertThat(new BCryptPasswordEncoder().matches(first.firstAdminPassword(), admin.passwordHash())).isTrue();
		});
		assertThat(Files.readString(prepared.usersFile())).doesNotContain(first.firstAdminPassword());
		for (Path file : List.of(prepared.signingKey(), prepared.publicKey(), prepared.usersFile())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
		}
	}

	@Test
	void anExistingLoginGetsANewPasswordRoleAndAreasAndOthersStay() throws Exception {
		UsersFile users = UsersFile.in(this.dataDir);
		assertThat(users.put(new ConsoleUser("admin", UsersFile.hash("one"), "admin", List.of("*")))).isTrue();
		assertThat(users.put(new ConsoleUser("jambi", UsersFile.hash("two"), "reader", List.of("15")))).isTrue();

		assertThat(users.put(new ConsoleUser("jambi", UsersFile.hash("three"), "admin", List.of("15", "51"))))
			.isFalse();

		assertThat(users.read()).extracting(ConsoleUser::login).containsExactly("admin", "jambi");
		assertThat(users.read().get(1).areas()).containsExactly("15", "51");
		assertThat(new BCryptPasswordEncoder().matches("three", users.read().get(1).passwordHash())).isTrue();
	}

}
