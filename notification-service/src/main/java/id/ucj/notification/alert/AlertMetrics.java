package id.ucj.notification.alert;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Alerts by direction, deliveries by channel and outcome, and how long a crossing takes
 * to reach a receiver.
 */
@Component
public class AlertMetrics {

	private final MeterRegistry meters;

	AlertMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (Direction direction : Direction.values()) {
			alerts(direction);
		}
	}

	public void alerted(Alert alert) {
		alerts(alert.direction()).increment();
	}

	public void delivered(String channel, Alert alert, java.time.Instant now) {
		deliveries(channel, "delivered").increment();
		Timer.builder("ucj.alert.delivery.latency")
			.description("From the crossing's snapshot time to delivery")
			.tag("channel", channel)
			.publishPercentileHistogram()
			.register(this.meters)
			.record(java.time.Duration.between(alert.crossedAt(), now));
	}

	public void failed(String channel) {
		deliveries(channel, "failed").increment();
	}

	private Counter alerts(Direction direction) {
		return Counter.builder("ucj.alerts")
			.description("Threshold crossings alerted, each once")
			.tag("direction", direction.name())
			.register(this.meters);
	}

	private Counter deliveries(String channel, String outcome) {
		return Counter.builder("ucj.alert.deliveries")
			.description("Delivery attempts by channel and outcome")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
