/**
 * Takes registrations from field enrollment apps and publishes pseudonymous participant
 * events to Kafka.
 */
package id.ucj.enrollment;
