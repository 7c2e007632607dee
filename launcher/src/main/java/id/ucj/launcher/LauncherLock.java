package id.ucj.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One launcher per data directory: a second one would open the running broker's log and
 * store (and has broken them). Taken before anything else is touched, held until the
 * launcher exits; the operating system releases it even if the launcher is killed.
 */
final class LauncherLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private LauncherLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or {@link AlreadyRunning} naming the launcher that holds it. */
	static LauncherLock acquire(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("launcher.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			String holder = Files.readString(file).strip();
			throw new AlreadyRunning("Another launcher is already running on " + dataDir.toAbsolutePath()
					+ (holder.isEmpty() ? "" : " (" + holder + ")")
					+ ". Stop it first (Ctrl-C in its terminal), or give this one its own UCJ_DATA_DIR and ports.");
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now())
			.getBytes(StandardCharsets.UTF_8)));
		channel.force(true);
		return new LauncherLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

	static final class AlreadyRunning extends IOException {

		AlreadyRunning(String message) {
			super(message);
		}

	}

}
