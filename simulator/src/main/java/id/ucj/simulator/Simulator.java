package id.ucj.simulator;

import java.io.UncheckedIOException;

import id.ucj.simulator.chaos.ChaosCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ucj-simulator", mixinStandardHelpOptions = true, version = "ucj-simulator 0.1.0",
		description = "Replays a field enrollment campaign against the UCJ Coverage HTTP API.",
		subcommands = { SarolangunCommand.class, NationalCommand.class, ForecastCommand.class, PlanCommand.class,
				ChaosCommand.class })
public class Simulator {

	public static void main(String[] args) {
		System.exit(new CommandLine(new Simulator()).setExecutionExceptionHandler((ex, commandLine, parsed) -> {
			// What the system refused, or that it is not there, is the answer, not a
			// stack trace.
			if (ex instanceof IllegalStateException || ex instanceof UncheckedIOException) {
				commandLine.getErr().println(ex.getMessage());
				return 2;
			}
			throw ex;
		}).execute(args));
	}

}
