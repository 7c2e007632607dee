package id.ucj.aggregator;

import java.time.Clock;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import id.ucj.aggregator.recount.Recount;
import id.ucj.aggregator.view.LapseRules;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AggregatorApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("recount")) {
			System.exit(recount(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(AggregatorApplication.class, args);
	}

	/**
	 * {@code recount}: counts everything again from participant-events into an emptied
	 * view ({@link Recount}), then exits: no HTTP server, and the counting job only once
	 * it is reset.
	 */
	public static int recount(String... args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AggregatorApplication.class)
			.web(WebApplicationType.NONE)
			.properties(LapseRules.RECOUNT + "=true", "spring.kafka.streams.auto-startup=false",
					"spring.main.banner-mode=off", "logging.level.root=warn")
			.run(args)) {
			return context.getBean(Recount.class).run(System.out);
		}
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
