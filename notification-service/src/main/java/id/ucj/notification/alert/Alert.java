package id.ucj.notification.alert;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One crossing of one threshold by one regency, with the counts at the crossing. Its id
 * names the regency, the threshold and the crossing's number, so that a replayed or
 * concurrently processed snapshot finds it already there instead of alerting twice; the
 * same id is every delivery's idempotency key. Its {@code deliveries} are the outbox: one
 * entry per channel, pending until delivered.
 *
 * @param crossedAt the time of the snapshot that crossed
 * @param detectedAt when this service saw it
 * @param riskMonth for {@code AT_RISK} and {@code RISK_CLEARED}: the month the regency
 * was forecast to fall below the threshold ({@code YYYY-MM})
 * @param renewalsNeeded for {@code AT_RISK}: participants whose cover must be renewed to
 * stay at the threshold then
 * @param renewalCost for {@code AT_RISK}: what one month of those renewals costs, whole
 * rupiah
 */
@Document("alerts")
public record Alert(@Id String id, String regencyCode, String regencyName, String provinceCode, double threshold,
		Direction direction, Double coverageRatio, long covered, Long workforce, Double target, Instant crossedAt,
		Instant detectedAt, long snapshotVersion, Map<String, Delivery> deliveries, String riskMonth,
		Long renewalsNeeded, Long renewalCost) {

	/** The alert as a reader sees it: delivery errors are for admins. */
	public Alert withoutDeliveryErrors() {
		Map<String, Delivery> deliveries = new java.util.TreeMap<>();
		if (this.deliveries != null) {
			this.deliveries.forEach((channel, delivery) -> deliveries.put(channel, delivery.withoutError()));
		}
		return new Alert(this.id, this.regencyCode, this.regencyName, this.provinceCode, this.threshold, this.direction,
				this.coverageRatio, this.covered, this.workforce, this.target, this.crossedAt, this.detectedAt,
				this.snapshotVersion, deliveries, this.riskMonth, this.renewalsNeeded, this.renewalCost);
	}

	/**
	 * Delivery of an alert on one channel.
	 *
	 * @param lastError why the last attempt failed, without the receiver's address or
	 * answer (admins only)
	 */
	public record Delivery(Status status, int attempts, Instant nextAttemptAt, Instant leaseUntil, Instant deliveredAt,
			String lastError) {

		public enum Status {

			PENDING, DELIVERED

		}

		Delivery withoutError() {
			return new Delivery(this.status, this.attempts, this.nextAttemptAt, this.leaseUntil, this.deliveredAt,
					null);
		}

		public static Delivery pending(Instant now) {
			return new Delivery(Status.PENDING, 0, now, null, null, null);
		}

	}

}
