package id.ucj.simulator;

import java.io.PrintStream;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** Forecasts and plans as tables a regency's planners read. */
final class Runway {

	private Runway() {
	}

	static void printForecast(String title, JsonNode forecast, PrintStream out) {
		out.printf("%n%s: forecast if nothing is renewed (premium Rp %s a worker-month)%n", title,
				rupiah(forecast.get("premium")));
		if (!forecast.path("targetCount").isNull() && !forecast.path("targetCount").isMissingNode()) {
			out.printf("target: %s workers; first month below it: %s%n", number(forecast.get("targetCount")),
					text(forecast.get("firstMonthBelowTarget"), "none in these months"));
		}
		out.printf("%-8s %12s %8s %10s %10s %10s %10s %12s %18s%n", "month", "active", "ratio", "lapsing", "APBD",
				"EMPLOYER", "SELF", "renewals", "renewal cost (Rp)");
		for (JsonNode month : forecast.get("months")) {
			JsonNode lapsing = month.get("lapsingByFundingSource");
			out.printf("%-8s %12s %8s %10s %10s %10s %10s %12s %18s%n", month.get("month").asString(),
					number(month.get("active")), percent(month.get("coverageRatio")), number(month.get("lapsing")),
					number(lapsing.get("APBD")), number(lapsing.get("EMPLOYER")), number(lapsing.get("SELF")),
					number(month.get("renewalsNeeded")), rupiah(month.get("renewalCost")));
		}
	}

	static void printPlan(String title, JsonNode plan, PrintStream out) {
		out.printf("%n%s: holding %s (%s workers) from %s through %s%n", title, percent(plan.get("target")),
				number(plan.get("targetCount")), plan.get("from").asString(), plan.get("through").asString());
		out.printf("%-8s %12s %12s %12s %14s %18s %18s%n", "month", "active", "shortfall", "renewals", "new enrolments",
				"cost (Rp)", "cumulative (Rp)");
		for (JsonNode month : plan.get("months")) {
			out.printf("%-8s %12s %12s %12s %14s %18s %18s%n", month.get("month").asString(),
					number(month.get("active")), number(month.get("shortfall")), number(month.get("renewals")),
					number(month.get("newEnrolments")), rupiah(month.get("cost")), rupiah(month.get("cumulativeCost")));
		}
		out.printf("total: %s worker-months (%s renewals, %s new enrolments), Rp %s at Rp %s a worker-month%n",
				number(plan.get("workerMonths")), number(plan.get("renewals")), number(plan.get("newEnrolments")),
				rupiah(plan.get("cost")), rupiah(plan.get("premium")));
		JsonNode budget = plan.get("budget");
		if (budget != null && !budget.isNull()) {
			out.printf("budget Rp %s: holds the target %s (%d months%s), spends Rp %s, leaves Rp %s%n",
					rupiah(budget.get("amount")),
					budget.get("holdsThrough").isNull() ? "not even this month"
							: "through " + budget.get("holdsThrough").asString(),
					budget.get("monthsHeld").asInt(),
					budget.get("lastsThroughHorizon").asBoolean() ? ", the whole plan" : "",
					rupiah(budget.get("spent")), rupiah(budget.get("leftOver")));
		}
	}

	private static String number(JsonNode value) {
		return (value == null || value.isNull()) ? "-" : String.format(Locale.ROOT, "%,d", value.asLong());
	}

	private static String rupiah(JsonNode value) {
		return number(value);
	}

	private static String percent(JsonNode value) {
		return (value == null || value.isNull()) ? "-" : String.format(Locale.ROOT, "%.2f%%", value.asDouble() * 100);
	}

	private static String text(JsonNode value, String otherwise) {
		return (value == null || value.isNull()) ? otherwise : value.asString();
	}

}
