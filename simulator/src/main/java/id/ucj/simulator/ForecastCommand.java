package id.ucj.simulator;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a regency's, a province's or the nation's forecast as a table. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
		description = "Prints the forecast of a regency (15.03), a province (15) or the nation (national) if nothing is renewed.")
class ForecastCommand implements Callable<Integer> {

	@Mixin
	Options options;

	@Parameters(index = "0", description = "regency code (15.03), province code (15) or national")
	String area;

	@Option(names = "--months", defaultValue = "12",
			description = "months from the current one, 1 to 36 (default: ${DEFAULT-VALUE})")
	int months;

	@Override
	public Integer call() {
		Runway.printForecast(this.area, new Operations(this.options).forecast(this.area, this.months), System.out);
		return 0;
	}

}
