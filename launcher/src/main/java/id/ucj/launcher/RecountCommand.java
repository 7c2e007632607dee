package id.ucj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * Recounts the local run's coverage from participant-events: with the system stopped, it
 * starts the embedded broker and store (unless real ones are named), runs the
 * aggregator's {@code recount} command against them, with its progress bar, and stops
 * them again (docs/operations.md, Recount).
 */
@Command(name = "recount", mixinStandardHelpOptions = true,
		description = "With the system stopped: counts everything again from participant-events into an emptied view.")
final class RecountCommand implements Callable<Integer> {

	@Override
	public Integer call() throws Exception {
		LauncherSettings settings = LauncherSettings.fromEnvironment();
		try (LauncherLock lock = LauncherLock.acquire(settings.dataDir())) {
			List<AutoCloseable> started = new ArrayList<>();
			try {
				String kafka = settings.kafkaBootstrapServers();
				if (kafka == null) {
					LocalKafka local = LocalKafka.start(settings.dataDir(), settings.kafkaPort(),
							settings.kafkaControllerPort());
					started.add(local);
					kafka = local.bootstrapServers();
				}
				String mongo = settings.mongoUri();
				if (mongo == null) {
					LocalMongo local = LocalMongo.start(settings.dataDir(), settings.mongoPort());
					started.add(local);
					mongo = local.uri();
				}
				Path jar = settings.services()
					.stream()
					.filter((service) -> service.name().equals("coverage-aggregator"))
					.findFirst()
					.orElseThrow()
					.jar();
				ProcessBuilder recount = new ProcessBuilder(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"recount")
					.inheritIO();
				recount.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka);
				recount.environment().put("MONGODB_URI", mongo);
				recount.environment().put("UCJ_DATA_DIR", settings.dataDir().toAbsolutePath().toString());
				recount.environment()
					.put("UCJ_KEYS_FILE", KeysFile.in(settings.dataDir()).path().toAbsolutePath().toString());
				Files.createDirectories(settings.dataDir());
				return recount.start().waitFor();
			}
			finally {
				for (int i = started.size() - 1; i >= 0; i--) {
					started.get(i).close();
				}
			}
		}
		catch (LauncherLock.AlreadyRunning ex) {
			System.err.println(ex.getMessage() + " Stop it first: a recount needs every aggregator stopped.");
			return 3;
		}
	}

}
