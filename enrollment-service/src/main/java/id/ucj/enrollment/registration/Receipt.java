package id.ucj.enrollment.registration;

import java.util.UUID;

/** What the field app keeps of an accepted registration or deregistration. */
record Receipt(UUID eventId, String participantId) {
}
