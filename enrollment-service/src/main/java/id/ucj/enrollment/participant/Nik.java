package id.ucj.enrollment.participant;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import id.ucj.contract.Regions;

/**
 * The rules of the Nomor Induk Kependudukan: 16 digits; digits 1-2 a province and 3-4 a
 * regency within it (where the card was issued); digits 7-12 the birth date as DDMMYY,
 * with 40 added to the day for women.
 */
final class Nik {

	private static final int WOMAN_DAY_OFFSET = 40;

	private Nik() {
	}

	/**
	 * What is wrong with this NIK, or empty when it is valid. The NIK itself never
	 * appears in the answer.
	 */
	static Optional<String> problemWith(String nik, Regions regions) {
		if (nik.length() != 16 || !nik.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Optional.of("must be exactly 16 digits");
		}
		if (regions.province(nik.substring(0, 2)).isEmpty()) {
			return Optional.of("digits 1-2 must be a province code");
		}
		if (regions.regencyByNikPrefix(nik.substring(0, 4)).isEmpty()) {
			return Optional.of("digits 3-4 must be a regency code of the province in digits 1-2");
		}
		if (!hasBirthDate(nik.substring(6, 12))) {
			return Optional.of("digits 7-12 must be a birth date DDMMYY (day plus 40 for women)");
		}
		return Optional.empty();
	}

	private static boolean hasBirthDate(String ddmmyy) {
		int day = Integer.parseInt(ddmmyy.substring(0, 2));
		int month = Integer.parseInt(ddmmyy.substring(2, 4));
		int yy = Integer.parseInt(ddmmyy.substring(4, 6));
		if (day > WOMAN_DAY_OFFSET) {
			day -= WOMAN_DAY_OFFSET;
		}
		// The century is not written down: a date that exists in either one is a birth
		// date.
		return exists(1900 + yy, month, day) || exists(2000 + yy, month, day);
	}

	private static boolean exists(int year, int month, int day) {
		try {
			LocalDate.of(year, month, day);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
