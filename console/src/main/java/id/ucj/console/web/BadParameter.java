package id.ucj.console.web;

/** A query parameter that names nothing: the page answers 400. */
final class BadParameter extends RuntimeException {

	BadParameter(String parameter) {
		super("Bad parameter " + parameter, null, false, false);
	}

}
