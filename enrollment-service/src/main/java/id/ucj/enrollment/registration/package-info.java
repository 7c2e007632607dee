/**
 * The field apps' HTTP API: registrations (one or a batch) and deregistrations,
 * validated, answered with problem details when wrong, and accepted only once Kafka has
 * them.
 */
package id.ucj.enrollment.registration;
