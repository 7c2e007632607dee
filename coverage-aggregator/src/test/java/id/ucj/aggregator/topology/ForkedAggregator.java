package id.ucj.aggregator.topology;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

import id.ucj.aggregator.AggregatorApplication;
import id.ucj.testsupport.TestClock;

/**
 * The aggregator as {@link AggregatorProcess} runs it in a JVM of its own: the service as
 * it ships, with the test's clock (from {@link TestClock#START}) as its {@code Clock};
 * {@code recount} runs that command as the service's jar does.
 */
public final class ForkedAggregator {

	private ForkedAggregator() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("recount")) {
			System.exit(AggregatorApplication.recount(Arrays.copyOfRange(args, 1, args.length)));
		}
		new SpringApplicationBuilder(AggregatorApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("ucjTestClock", Clock.class,
					() -> new TestClock(), (definition) -> definition.setPrimary(true)))
			.run(args);
	}

}
