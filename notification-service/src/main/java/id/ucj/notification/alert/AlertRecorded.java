package id.ucj.notification.alert;

/**
 * An alert was recorded with its deliveries pending: the outbox has work now, not at its
 * next poll.
 */
public record AlertRecorded(String alertId) {

}
