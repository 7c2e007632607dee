package id.ucj.enrollment.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.ucj.testsupport.TestClock;

/**
 * Request bodies for tests: valid ones to start from, with NIKs that follow every rule.
 */
final class Registrations {

	static final String FULL_NAME = "Siti Rahmawati Sarolangun";

	private Registrations() {
	}

	/**
	 * A valid NIK issued in Sarolangun (15.03) to a woman born 15 August 1990, with its
	 * own serial.
	 */
	static String nik(int serial) {
		return "150301" + "550890" + String.format("%04d", serial % 10_000);
	}

	static String registration(String nik) {
		return registration(nik, TestClock.START.minus(2, ChronoUnit.HOURS));
	}

	static String registration(String nik, Instant registeredAt) {
		return registration(nik, "15.03", registeredAt);
	}

	static String registration(String nik, String regencyCode, Instant registeredAt) {
		return """
				{"nik": "%s", "fullName": "%s", "regencyCode": "%s", "segment": "BPU",
				 "programs": ["JKM", "JKK"], "fundingSource": "APBD", "registeredAt": "%s"}
				""".formatted(nik, FULL_NAME, regencyCode, registeredAt);
	}

	static String deregistration(String nik) {
		return """
				{"nik": "%s", "reason": "LEFT_WORKFORCE", "deregisteredAt": "%s"}
				""".formatted(nik, TestClock.START.minus(1, ChronoUnit.HOURS));
	}

	static String deregistration(String nik, String regencyCode) {
		return """
				{"nik": "%s", "reason": "LEFT_WORKFORCE", "deregisteredAt": "%s", "regencyCode": "%s"}
				""".formatted(nik, TestClock.START.minus(1, ChronoUnit.HOURS), regencyCode);
	}

	/** A contribution for Sarolangun's APBD: JKK+JKM at Rp 16,800 a month. */
	static String contribution(String nik, String regencyCode, String coverFrom, String coverThrough, long amount) {
		return """
				{"nik": "%s", "regencyCode": "%s", "coverFrom": "%s", "coverThrough": "%s", "fundingSource": "APBD",
				 "amount": %d, "paidAt": "%s"}
				""".formatted(nik, regencyCode, coverFrom, coverThrough, amount,
				TestClock.START.minus(1, ChronoUnit.HOURS));
	}

}
