package id.ucj.simulator;

import java.time.YearMonth;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints what holding a regency's target costs, and how long a budget holds it, as a
 * table.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
		description = "Prints the renewals and new enrolments that hold a regency's target, their cost, and what a budget buys.")
class PlanCommand implements Callable<Integer> {

	@Mixin
	Options options;

	@Parameters(index = "0", description = "regency code, e.g. 15.03")
	String regency;

	@Option(names = "--target", description = "ratio to hold, in (0, 1] (default: the regency's target)")
	Double target;

	@Option(names = "--through",
			description = "last month, YYYY-MM (default: December of next year, the next budget year)")
	YearMonth through;

	@Option(names = "--budget", description = "rupiah available, e.g. 1800000000")
	Long budget;

	@Override
	public Integer call() {
		Runway.printPlan(this.regency,
				new Operations(this.options).plan(this.regency, this.target, this.through, this.budget), System.out);
		return 0;
	}

}
