package id.ucj.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time used so far by each process of a pipeline run: this benchmark's own (the
 * clients, the snapshot reader, and the store unless the launcher runs it), the
 * launcher's (its supervisor, and the broker and store it runs as processes of their own)
 * and each service's, named after its jar. Two readings tell where the CPU of what
 * happened in between went.
 */
final class CpuUse {

	/** This benchmark's own process, when the store is not in it: not the system's. */
	static final String BENCHMARK = "benchmark (clients, snapshot reader)";

	private CpuUse() {
	}

	/**
	 * @param storeApart whether the store is the launcher's (a process of its own) rather
	 * than in this benchmark's JVM
	 */
	static Map<String, Duration> read(Process launcher, boolean storeApart) {
		Map<String, Duration> used = new LinkedHashMap<>();
		used.put(storeApart ? BENCHMARK : "benchmark + store", used(ProcessHandle.current()));
		used.put("launcher (supervisor)", used(launcher.toHandle()));
		launcher.descendants().forEach((process) -> used.put(name(process), used(process)));
		return used;
	}

	private static Duration used(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/**
	 * The service's jar name without {@code .jar}; for the launcher's own parts, the part
	 * it serves ({@code ucj-launcher kafka}: the broker); the process id when its command
	 * line cannot be read.
	 */
	private static String name(ProcessHandle process) {
		return process.info().arguments().flatMap(CpuUse::name).orElse("process " + process.pid());
	}

	private static Optional<String> name(String[] arguments) {
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i].endsWith(".jar")) {
				String jar = Path.of(arguments[i]).getFileName().toString().replace(".jar", "");
				if (jar.equals("ucj-launcher") && i + 1 < arguments.length) {
					return Optional.of(arguments[i + 1].equals("kafka") ? "launcher (broker)"
							: "launcher (" + arguments[i + 1] + ")");
				}
				return Optional.of(jar);
			}
		}
		return Optional.empty();
	}

}
