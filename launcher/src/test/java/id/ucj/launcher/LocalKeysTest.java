package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ucj.contract.ClientKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKeysTest {

	@TempDir
	Path dataDir;

	@Test
	void generatesTheLocalKeysOnceKeepsThemPrivateAndGivesTheServicesOnlyTheirHashes() throws Exception {
		LocalKeys first = LocalKeys.prepare(this.dataDir, Map.of());
		LocalKeys second = LocalKeys.prepare(this.dataDir, Map.of());

		assertThat(first.generated()).containsExactly("UCJ_ENROLLER_KEY", "UCJ_ADMIN_KEY", "UCJ_READER_KEY");
		assertThat(second.generated()).isEmpty();
		assertThat(second.byVariable()).isEqualTo(first.byVariable());
		Path security = this.dataDir.resolve("security");
		for (String file : List.of("local-keys.env", "reader.key", "api-keys")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(security.resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(security))).isEqualTo("rwx------");
		String hashes = Files.readString(security.resolve("api-keys"));
		first.byVariable()
			.values()
			.forEach((key) -> assertThat(hashes).doesNotContain(key).contains(ClientKey.hash(key)));
		assertThat(Files.readString(security.resolve("reader.key")))
			.isEqualTo(first.byVariable().get("UCJ_READER_KEY"));
	}

	@Test
	void takesTheKeysGivenInTheEnvironment() throws Exception {
		LocalKeys.prepare(this.dataDir, Map.of());

		LocalKeys given = LocalKeys.prepare(this.dataDir, Map.of("UCJ_ADMIN_KEY", "ucj_given-admin-key"));

		assertThat(given.byVariable()).containsEntry("UCJ_ADMIN_KEY", "ucj_given-admin-key");
		assertThat(KeysFile.in(this.dataDir).read()).filteredOn((key) -> key.client().equals("local-admin"))
			.extracting(ClientKey::sha256)
			.containsExactly(ClientKey.hash("ucj_given-admin-key"));
	}

	@Test
	void keepsAddedKeysWhenTheLocalOnesChange() throws Exception {
		KeysFile file = KeysFile.in(this.dataDir);
		file.add(new ClientKey(ClientKey.hash("ucj_x"), "sarolangun-app", "enroller", List.of("15.03"), 5));

		LocalKeys.prepare(this.dataDir, Map.of());
		LocalKeys.prepare(this.dataDir, Map.of("UCJ_READER_KEY", "ucj_other"));

		assertThat(file.read()).extracting(ClientKey::client)
			.containsExactlyInAnyOrder("sarolangun-app", "local-enroller", "local-admin", "local-reader");
	}

	@Test
	void refusesASecondLauncherOnTheSameDataDirectoryNamingTheFirst() throws Exception {
		try (LauncherLock first = LauncherLock.acquire(this.dataDir)) {
			assertThatThrownBy(() -> LauncherLock.acquire(this.dataDir)).isInstanceOf(LauncherLock.AlreadyRunning.class)
				.hasMessageContaining("already running")
				.hasMessageContaining("pid " + ProcessHandle.current().pid());
		}
		LauncherLock.acquire(this.dataDir).close();
	}

}
