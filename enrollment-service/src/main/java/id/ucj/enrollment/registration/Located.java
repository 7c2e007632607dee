package id.ucj.enrollment.registration;

import java.time.ZoneId;

import id.ucj.contract.Regions;

/**
 * A request about a participant in a regency: an enroller may submit it only in its
 * areas.
 */
interface Located {

	String regencyCode();

	/**
	 * The regency's time zone, {@code null} for a missing or unknown code (another
	 * constraint names that).
	 */
	default ZoneId zone() {
		return (regencyCode() != null) ? Regions.official().zoneOf(regencyCode()).orElse(null) : null;
	}

}
