package id.ucj.console.security;

/** A principal that knows who signed in. */
public interface HasSignedIn {

	SignedIn signedIn();

}
