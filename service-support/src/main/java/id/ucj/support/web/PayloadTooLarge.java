package id.ucj.support.web;

import java.io.IOException;

/** A request body that grew past the configured limit while it was read. */
public class PayloadTooLarge extends IOException {

	public PayloadTooLarge(long limit) {
		super("Request body larger than " + limit + " bytes");
	}

}
