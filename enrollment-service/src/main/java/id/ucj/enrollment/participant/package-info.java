/**
 * Knows what a valid NIK is and turns it into the pseudonymous participantId that travels
 * in its place.
 */
package id.ucj.enrollment.participant;
