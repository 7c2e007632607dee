package id.ucj.notification.delivery;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Why a delivery failed, as the alert log and the log file say it: the kind of failure
 * and a status, never the receiver's address, its answer's body or a mail server's reply
 * (exception messages carry all three).
 */
final class DeliveryErrors {

	private DeliveryErrors() {
	}

	static String describe(Throwable failure) {
		if (failure instanceof ReceiverRefused refused) {
			return refused.getMessage();
		}
		if (failure instanceof ResourceAccessException) {
			return "The receiver could not be reached (" + rootType(failure) + ")";
		}
		if (failure instanceof MailException) {
			return "The mail server did not accept the message (" + failure.getClass().getSimpleName() + ")";
		}
		return "Delivery failed (" + failure.getClass().getSimpleName() + ")";
	}

	private static String rootType(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName();
	}

}
