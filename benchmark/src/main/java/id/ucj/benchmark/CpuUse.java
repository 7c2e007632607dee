package id.ucj.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used so far by each process of a pipeline run: this benchmark's own (the
 * store, the clients, the snapshot reader), the launcher's (the Kafka broker) and each
 * service's, named after its jar. Two readings tell where the CPU of what happened in
 * between went.
 */
final class CpuUse {

	private CpuUse() {
	}

	static Map<String, Duration> read(Process launcher) {
		Map<String, Duration> used = new LinkedHashMap<>();
		used.put("benchmark + store", used(ProcessHandle.current()));
		used.put("launcher (broker)", used(launcher.toHandle()));
		launcher.descendants().forEach((process) -> used.put(name(process), used(process)));
		return used;
	}

	private static Duration used(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/**
	 * The service's jar name without {@code .jar}, or the process id when its command
	 * line cannot be read.
	 */
	private static String name(ProcessHandle process) {
		return process.info()
			.arguments()
			.flatMap((arguments) -> Arrays.stream(arguments).filter((jar) -> jar.endsWith(".jar")).findFirst())
			.map((jar) -> Path.of(jar).getFileName().toString().replace(".jar", ""))
			.orElse("process " + process.pid());
	}

}
