package id.ucj.aggregator.coverage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NoCrash {

	/**
	 * In production nothing fails on purpose; fault tests declare a {@code @Primary} one
	 * that does.
	 */
	@Bean
	CrashPoint nothingFailsOnPurpose() {
		return (participantIds) -> {
		};
	}

}
