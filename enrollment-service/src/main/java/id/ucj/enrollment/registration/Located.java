package id.ucj.enrollment.registration;

/** A request about a participant in a regency: an enroller may submit it only in its areas. */
interface Located {

	String regencyCode();

}
