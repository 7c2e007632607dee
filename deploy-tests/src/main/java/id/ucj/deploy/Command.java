package id.ucj.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end and keeps what it printed. */
final class Command {

	private Command() {
	}

	record Result(int exitCode, String output) {
	}

	static Result run(Duration timeout, Path workingDirectory, String... command) {
		try {
			Path output = Files.createTempFile("command", ".log");
			Process process = new ProcessBuilder(List.of(command)).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + ":\n"
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			Result result = new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			Files.delete(output);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * SIGTERM, as Ctrl-C would, then SIGKILL if it is still running after {@code grace}.
	 */
	static void stop(Process process, Duration grace) {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
