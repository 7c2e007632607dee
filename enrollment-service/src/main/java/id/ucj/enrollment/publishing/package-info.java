/**
 * Publishes participant events to Kafka as CloudEvents, and reports success only once the
 * broker has them.
 */
package id.ucj.enrollment.publishing;
