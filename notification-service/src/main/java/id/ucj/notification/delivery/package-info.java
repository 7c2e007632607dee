/**
 * Delivers alerts from the outbox to the configured channels (webhook, e-mail), with
 * retries and back-off, each delivery carrying the alert's id as its idempotency key.
 */
package id.ucj.notification.delivery;
