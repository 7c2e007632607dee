package id.ucj.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process the launcher keeps running: when it exits without being asked to, it is
 * started again as the {@link RestartPolicy} says, and each restart is logged with its
 * cause. One watcher thread per child.
 */
final class Supervised {

	private static final Logger log = LoggerFactory.getLogger(Supervised.class);

	private static final long POLL_MS = 250;

	private final ChildProcess child;

	private final RestartPolicy policy;

	private final CompletableFuture<Void> firstReady = new CompletableFuture<>();

	private final Thread watcher;

	private volatile Process process;

	private volatile boolean stopping;

	private Supervised(ChildProcess child, RestartPolicy policy) throws IOException {
		this.child = child;
		this.policy = policy;
		this.process = child.start();
		this.watcher = new Thread(this::watch, "supervise-" + child.name());
		this.watcher.setDaemon(true);
	}

	static Supervised start(ChildProcess child, RestartPolicy policy) throws IOException {
		Supervised supervised = new Supervised(child, policy);
		supervised.watcher.start();
		return supervised;
	}

	String name() {
		return this.child.name();
	}

	ChildProcess child() {
		return this.child;
	}

	/**
	 * Waits until the child has been ready once; fails if the launcher gave up on it or
	 * it took too long.
	 */
	void awaitReady(Duration timeout) throws InterruptedException {
		try {
			this.firstReady.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(name() + " was not ready within " + timeout + "; see " + this.child.log());
		}
	}

	private void watch() {
		int shortRuns = 0;
		try {
			while (!this.stopping) {
				Process running = this.process;
				Long readySince = awaitReadyOrExit(running);
				running.waitFor();
				if (this.stopping) {
					return;
				}
				Duration readyFor = (readySince != null) ? Duration.ofNanos(System.nanoTime() - readySince) : null;
				RestartPolicy.Decision decision = this.policy.after(shortRuns, readyFor);
				String cause = cause(running.exitValue());
				if (decision instanceof RestartPolicy.GiveUp giveUp) {
					String line = String.format(
							"%s exited (%s) %d times in a row before it had run %ds; "
									+ "not restarting it. Its log: %s",
							name(), cause, giveUp.shortRuns(), this.policy.steady().toSeconds(), this.child.log());
					log.error(line);
					this.firstReady.completeExceptionally(new IllegalStateException(line));
					return;
				}
				RestartPolicy.Restart restart = (RestartPolicy.Restart) decision;
				shortRuns = restart.shortRuns();
				log.warn("{} exited ({}) {}; restarting it in {}s", name(), cause,
						(readyFor != null) ? "after " + readyFor.toSeconds() + "s ready" : "before it was ready",
						restart.delay().toMillis() / 1000.0);
				TimeUnit.MILLISECONDS.sleep(restart.delay().toMillis());
				if (!restart()) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			String line = name() + " could not be started again: " + ex.getMessage() + "; not restarting it";
			log.error(line);
			this.firstReady.completeExceptionally(new IllegalStateException(line, ex));
		}
	}

	/** Starts the child again, unless the launcher is stopping it. */
	private synchronized boolean restart() throws IOException {
		if (this.stopping) {
			return false;
		}
		this.process = this.child.start();
		log.info("{} restarted (pid {})", name(), this.process.pid());
		return true;
	}

	/** When the process became ready (System.nanoTime), or null if it exited first. */
	private Long awaitReadyOrExit(Process running) throws InterruptedException {
		while (running.isAlive() && !this.stopping) {
			if (this.child.readiness().ready()) {
				this.firstReady.complete(null);
				return System.nanoTime();
			}
			running.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
		}
		return null;
	}

	/** An exit status as a person reads it: 137 is SIGKILL. */
	static String cause(int exitValue) {
		if (exitValue > 128 && exitValue < 160) {
			int signal = exitValue - 128;
			String name = switch (signal) {
				case 2 -> "SIGINT";
				case 6 -> "SIGABRT";
				case 9 -> "SIGKILL";
				case 11 -> "SIGSEGV";
				case 15 -> "SIGTERM";
				default -> "signal " + signal;
			};
			return "killed by " + name + ", exit " + exitValue;
		}
		return "exit " + exitValue;
	}

	/**
	 * Asks the child to stop (SIGTERM) and stops restarting it; see
	 * {@link #awaitStopped}.
	 */
	synchronized void beginStop() {
		this.stopping = true;
		this.watcher.interrupt();
		this.process.destroy();
	}

	/**
	 * Waits until the child has stopped, at most until {@code deadline}
	 * ({@link System#nanoTime()}); then kills it.
	 * @return whether it stopped by itself in time
	 */
	boolean awaitStopped(long deadline) {
		Process running = this.process;
		try {
			if (running.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		running.destroyForcibly();
		return false;
	}

}
