package id.ucj.console.api;

/** A service could not be reached, or failed: the page says so and asks to retry. */
public class Unavailable extends RuntimeException {

	public Unavailable(String service, Throwable cause) {
		super(service + " did not answer", cause);
	}

}
