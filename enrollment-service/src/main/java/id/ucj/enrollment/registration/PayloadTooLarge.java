package id.ucj.enrollment.registration;

import java.io.IOException;

/** A request body that grew past the configured limit while it was read. */
class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("Request body larger than " + limit + " bytes");
	}

}
