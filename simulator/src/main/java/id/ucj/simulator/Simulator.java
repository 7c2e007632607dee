package id.ucj.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ucj-simulator", mixinStandardHelpOptions = true, version = "ucj-simulator 0.1.0",
		description = "Replays a field enrollment campaign against the UCJ Coverage HTTP API.",
		subcommands = { SarolangunCommand.class, NationalCommand.class, ForecastCommand.class, PlanCommand.class })
public class Simulator {

	public static void main(String[] args) {
		System.exit(new CommandLine(new Simulator()).execute(args));
	}

}
