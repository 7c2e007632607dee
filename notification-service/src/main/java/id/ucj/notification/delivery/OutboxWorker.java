package id.ucj.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import id.ucj.notification.alert.Alert;
import id.ucj.notification.alert.AlertMetrics;
import id.ucj.notification.alert.AlertRecorded;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Works the outbox: pending deliveries that are due are claimed with a lease (so that two
 * instances do not both attempt one), attempted, and marked delivered, or rescheduled
 * with exponential back-off. A receiver that is down gets its alerts when it returns. A
 * newly recorded alert is claimed and attempted at once, by id, on a thread of its own
 * (so that the Kafka listener never waits on a receiver, and the alert does not wait for
 * a poll or for the outbox to be searched); the poll ({@code ucj.delivery.poll-interval})
 * catches everything else: retries, other instances' alerts, a wake-up lost in a crash.
 * The lease makes whichever claims first the one to attempt.
 */
@Component
class OutboxWorker implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final int BATCH = 50;

	private final MongoTemplate mongo;

	private final Channels channels;

	private final DeliverySettings settings;

	private final AlertMetrics metrics;

	private final Clock clock;

	private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();

	private final ExecutorService wakeUps = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "outbox-wake-up"));

	private final Queue<String> recorded = new ConcurrentLinkedQueue<>();

	OutboxWorker(MongoTemplate mongo, Channels channels, DeliverySettings settings, AlertMetrics metrics, Clock clock,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.channels = channels;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
		for (String channel : channels.names()) {
			AtomicLong pending = this.backlog.computeIfAbsent(channel, (name) -> new AtomicLong());
			Gauge.builder("ucj.alert.outbox.backlog", pending, AtomicLong::get)
				.description("Alert deliveries not yet delivered")
				.tag("channel", channel)
				.register(meters);
		}
	}

	@EventListener
	void on(AlertRecorded recorded) {
		this.recorded.add(recorded.alertId());
		this.wakeUps.execute(this::deliverRecorded);
	}

	/**
	 * The alerts recorded since the last wake-up, each on every channel; a burst is taken
	 * by its first wake-up.
	 */
	private void deliverRecorded() {
		for (String id = this.recorded.poll(); id != null; id = this.recorded.poll()) {
			for (String channel : this.channels.names()) {
				Alert claimed = claim(id, channel);
				if (claimed != null) {
					attempt(claimed, channel);
				}
			}
		}
	}

	@PreDestroy
	void stop() {
		this.wakeUps.shutdownNow();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::deliverDue, this.settings.pollInterval());
	}

	synchronized void deliverDue() {
		for (String channel : this.channels.names()) {
			String status = "deliveries." + channel + ".status";
			this.backlog.get(channel)
				.set(this.mongo.count(Query.query(where(status).is(Alert.Delivery.Status.PENDING)), Alert.class));
			Query due = Query
				.query(where(status).is(Alert.Delivery.Status.PENDING)
					.and("deliveries." + channel + ".nextAttemptAt")
					.lte(this.clock.instant()))
				.with(Sort.by("detectedAt"))
				.limit(BATCH);
			for (Alert alert : this.mongo.find(due, Alert.class)) {
				Alert claimed = claim(alert.id(), channel);
				if (claimed != null) {
					attempt(claimed, channel);
				}
			}
		}
	}

	private Alert claim(String id, String channel) {
		Instant now = this.clock.instant();
		String delivery = "deliveries." + channel;
		Query unclaimed = Query.query(where("_id").is(id)
			.and(delivery + ".status")
			.is(Alert.Delivery.Status.PENDING)
			.and(delivery + ".nextAttemptAt")
			.lte(now)
			.orOperator(where(delivery + ".leaseUntil").is(null), where(delivery + ".leaseUntil").lt(now)));
		return this.mongo.findAndModify(unclaimed,
				new Update().set(delivery + ".leaseUntil", now.plus(this.settings.lease())),
				FindAndModifyOptions.options().returnNew(true), Alert.class);
	}

	private void attempt(Alert alert, String channel) {
		String delivery = "deliveries." + channel;
		int attempts = alert.deliveries().get(channel).attempts() + 1;
		Update outcome = new Update().set(delivery + ".attempts", attempts).unset(delivery + ".leaseUntil");
		try {
			this.channels.named(channel).orElseThrow().deliver(alert);
			Instant now = this.clock.instant();
			outcome.set(delivery + ".status", Alert.Delivery.Status.DELIVERED).set(delivery + ".deliveredAt", now);
			this.metrics.delivered(channel, alert, now);
		}
		catch (RuntimeException ex) {
			Instant next = this.clock.instant().plus(this.settings.backOff(attempts));
			String error = DeliveryErrors.describe(ex);
			outcome.set(delivery + ".nextAttemptAt", next).set(delivery + ".lastError", error);
			this.metrics.failed(channel);
			log.warn("Delivery of alert {} by {} failed (attempt {}), next at {}: {}", alert.id(), channel, attempts,
					next, error);
		}
		this.mongo.updateFirst(Query.query(where("_id").is(alert.id())), outcome, Alert.class);
	}

}
