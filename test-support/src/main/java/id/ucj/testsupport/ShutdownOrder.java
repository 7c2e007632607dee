package id.ucj.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops what the tests of a JVM share in the order that keeps it safe: first every
 * application context, then the infrastructure they used, last registered first.
 * <p>
 * The JVM runs its shutdown hooks at the same time. With a hook each, the shared broker
 * stopped while Kafka Streams jobs were still committing, their close timed out, and the
 * JVM exited under RocksDB threads still at work ({@code std::bad_alloc}, and the fork
 * lost); a state directory could be deleted under an open store. One hook, in order, ends
 * each job while its broker and its files are still there.
 */
public final class ShutdownOrder {

	private static final Deque<ConfigurableApplicationContext> contexts = new ArrayDeque<>();

	private static final Deque<Runnable> infrastructure = new ArrayDeque<>();

	private static boolean hooked;

	private ShutdownOrder() {
	}

	/** A context to close before any infrastructure stops. */
	public static synchronized void context(ConfigurableApplicationContext context) {
		hook();
		contexts.push(context);
	}

	/** Infrastructure to stop once every context is closed. */
	public static synchronized void infrastructure(Runnable stop) {
		hook();
		infrastructure.push(stop);
	}

	private static void hook() {
		if (!hooked) {
			Runtime.getRuntime().addShutdownHook(new Thread(ShutdownOrder::run, "ucj-test-shutdown"));
			hooked = true;
		}
	}

	private static void run() {
		for (ConfigurableApplicationContext context : drain(contexts)) {
			// Idempotent, and it waits for Spring's own hook if that one closes it first.
			context.close();
		}
		for (Runnable stop : drain(infrastructure)) {
			stop.run();
		}
	}

	private static synchronized <T> Deque<T> drain(Deque<T> items) {
		Deque<T> drained = new ArrayDeque<>(items);
		items.clear();
		return drained;
	}

}
