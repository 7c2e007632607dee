package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read (keys), created so from the start: never a moment with
 * wider permissions, and replaced atomically, so that a reader sees the old file or the
 * new one, never half of one.
 */
final class PrivateFiles {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	static Path directory(Path directory) throws IOException {
		if (Files.notExists(directory)) {
			try {
				Files.createDirectories(directory, attribute(OWNER_ONLY_DIRECTORY));
			}
			catch (UnsupportedOperationException ex) {
				Files.createDirectories(directory);
			}
			catch (FileAlreadyExistsException ex) {
				// Created concurrently: fine.
			}
		}
		return directory;
	}

	static void write(Path file, String content) throws IOException {
		Path temporary;
		try {
			temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", attribute(OWNER_ONLY));
		}
		catch (UnsupportedOperationException ex) {
			temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
		}
		try {
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
		return PosixFilePermissions.asFileAttribute(permissions);
	}

}
