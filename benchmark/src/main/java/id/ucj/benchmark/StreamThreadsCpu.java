package id.ucj.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of one Kafka Streams application's stream threads in this JVM: what the
 * engine itself costs per event, told apart from the broker, the load and the JIT
 * compiler that share the machine with it (on two cores, which of two engines counts more
 * events a second depends on them as much as on the engine).
 */
final class StreamThreadsCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final String prefix;

	/**
	 * Kafka Streams names its threads {@code <applicationId>-<uuid>-StreamThread-<n>}.
	 */
	StreamThreadsCpu(String applicationId) {
		this.prefix = applicationId + "-";
	}

	/**
	 * Their CPU time so far, in nanoseconds; a thread that has ended no longer counts.
	 */
	long nanos() {
		long sum = 0;
		for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
			if (thread != null && thread.getThreadName().startsWith(this.prefix)
					&& thread.getThreadName().contains("-StreamThread-")) {
				sum += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return sum;
	}

	/** The figure of a phase that began when they had used {@code fromNanos}. */
	void add(Figures figures, String store, String measure, long fromNanos, int events) {
		figures.add(store, measure + ": stream-thread CPU per event", (nanos() - fromNanos) / 1000.0 / events, "µs",
				"the engine's own threads (ThreadMXBean)");
	}

}
