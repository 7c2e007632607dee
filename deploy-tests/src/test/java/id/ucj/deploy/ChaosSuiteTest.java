package id.ucj.deploy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos suite at its CI size, run as docs/reliability.md says to run it: the launched
 * system's real processes killed, stopped and woken under a retrying load, with the
 * counts checked against what was acknowledged after every fault. The documented full run
 * is the same command with its defaults.
 */
class ChaosSuiteTest {

	@Test
	void nothingAcknowledgedIsLostOrCountedTwiceWhileTheRealProcessesDieOneByOne(@TempDir Path directory) {
		String[] command = { Command.java(), "-jar",
				Repository.ROOT.resolve("simulator/target/ucj-simulator.jar").toString(), "chaos", "--events=3000",
				"--aggregator-kills=3", "--broker-kills=1", "--enrollment-kills=1", "--notifier-kills=1",
				"--store-outages=1", "--store-outage=20s", "--aggregator-pauses=1", "--aggregator-pause=55s",
				"--launcher=" + Repository.ROOT.resolve("launcher/target/ucj-launcher.jar"),
				"--data-dir=" + directory.resolve("var") };

		Command.Result result = Command.run(Duration.ofMinutes(20), directory, command);

		System.out.println(result.output());
		assertThat(result.output()).as(result.output()).contains("PASSED: every check");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
