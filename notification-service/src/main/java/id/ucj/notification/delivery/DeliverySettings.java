package id.ucj.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the outbox is worked.
 *
 * @param pollInterval how often pending deliveries are looked for
 * @param initialBackOff wait after a first failure; doubles with every further failure
 * @param maxBackOff longest wait between attempts
 * @param lease how long an instance holds a delivery it is attempting, so that two
 * instances do not both send it
 */
@Validated
@ConfigurationProperties("ucj.delivery")
record DeliverySettings(@DefaultValue("500ms") @NotNull Duration pollInterval,
		@DefaultValue("1s") @NotNull Duration initialBackOff, @DefaultValue("5m") @NotNull Duration maxBackOff,
		@DefaultValue("30s") @NotNull Duration lease) {

	Duration backOff(int failures) {
		Duration wait = this.initialBackOff.multipliedBy(1L << Math.min(failures - 1, 20));
		return (wait.compareTo(this.maxBackOff) > 0) ? this.maxBackOff : wait;
	}

}
