package id.ucj.launcher;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * The embedded infrastructure, each as a process of its own that the launcher starts and
 * supervises, so that each can be killed, stopped and started alone. Not meant to be run
 * by hand: the launcher gives them their settings.
 */
final class ServeCommand {

	private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

	private ServeCommand() {
	}

	/** Runs until SIGTERM, then closes what it serves. */
	private static int serveUntilStopped(String what, AutoCloseable server) throws InterruptedException {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {} cleanly: {}", what, ex.toString());
			}
			stopped.countDown();
		}, what + "-shutdown"));
		log.info("{} is running", what);
		stopped.await();
		return 0;
	}

	@Command(name = "kafka", hidden = true, description = "Runs the embedded Kafka broker (the launcher starts it).")
	static final class Kafka implements Callable<Integer> {

		@Override
		public Integer call() throws Exception {
			LauncherSettings settings = LauncherSettings.fromEnvironment();
			return serveUntilStopped("the embedded Kafka broker",
					LocalKafka.start(settings.dataDir(), settings.kafkaPort(), settings.kafkaControllerPort()));
		}

	}

	@Command(name = "store", hidden = true,
			description = "Runs the embedded MongoDB-compatible store (the launcher starts it).")
	static final class Store implements Callable<Integer> {

		@Override
		public Integer call() throws Exception {
			LauncherSettings settings = LauncherSettings.fromEnvironment();
			return serveUntilStopped("the embedded MongoDB-compatible store",
					LocalMongo.start(settings.dataDir(), settings.mongoPort()));
		}

	}

}
