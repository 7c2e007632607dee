package id.ucj.simulator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Regency;
import id.ucj.contract.Segment;

/**
 * Synthetic workers, the same for the same seed and index whatever the order they are
 * made in. Each NIK follows the rules (issuing regency, birth date with +40 for women)
 * and is unique: digits 5-6 and 13-16 encode the index.
 */
public final class Participants {

	/**
	 * Capture times are within the last two days, stable through a day, so a rerun
	 * resends the same captures.
	 */
	static final Instant CAMPAIGN_START = LocalDate.now(ZoneOffset.UTC)
		.minusDays(2)
		.atStartOfDay()
		.toInstant(ZoneOffset.UTC);

	static final int PER_DISTRICT = 9_999;

	static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	/** JKK + JKM at the lowest BPU income band, per worker and month (rupiah). */
	static final long JKK_JKM_MONTHLY = 16_800;

	private Participants() {
	}

	/**
	 * Synthetic names, as field apps capture them; enrollment checks them and keeps none.
	 */
	private static final List<String> GIVEN_NAMES = List.of("Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Wahyu",
			"Ayu", "Eko", "Fitri", "Hendra", "Indah");

	private static final List<String> FAMILY_NAMES = List.of("Hartono", "Susanti", "Saputra", "Wulandari", "Pratama",
			"Lestari", "Kurniawan", "Handayani", "Setiawan", "Rahmawati", "Nugroho", "Permatasari");

	public record Registration(int index, String nik, String fullName, String regencyCode, Segment segment,
			Set<Program> programs, FundingSource fundingSource, Instant registeredAt, YearMonth paidThrough) {

		Registration(int index, String nik, String fullName, String regencyCode, Segment segment, Set<Program> programs,
				FundingSource fundingSource, Instant registeredAt) {
			this(index, nik, fullName, regencyCode, segment, programs, fundingSource, registeredAt, null);
		}

		/**
		 * The same registration, paying its first {@code months} months (from the capture
		 * month, in WIB).
		 */
		Registration paying(int months) {
			YearMonth captured = YearMonth.from(this.registeredAt.atZone(JAKARTA));
			return new Registration(this.index, this.nik, this.fullName, this.regencyCode, this.segment, this.programs,
					this.fundingSource, this.registeredAt, captured.plusMonths(months - 1));
		}

		public Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("nik", this.nik);
			body.put("fullName", this.fullName);
			body.put("regencyCode", this.regencyCode);
			body.put("segment", this.segment);
			body.put("programs", this.programs);
			body.put("fundingSource", this.fundingSource);
			body.put("registeredAt", this.registeredAt.toString());
			if (this.paidThrough != null) {
				body.put("paidThrough", this.paidThrough.toString());
			}
			return body;
		}

	}

	public static SplittableRandom random(long seed, int index) {
		return new SplittableRandom(seed * 1_000_003L + index);
	}

	/** A NIK issued in {@code issuedIn}, unique for the index. */
	public static String nik(Regency issuedIn, int index, SplittableRandom random) {
		int district = 1 + index / PER_DISTRICT;
		int serial = 1 + index % PER_DISTRICT;
		if (district > 99) {
			throw new IllegalArgumentException("At most " + 99 * PER_DISTRICT + " participants");
		}
		boolean woman = random.nextBoolean();
		int day = 1 + random.nextInt(28) + (woman ? 40 : 0);
		int month = 1 + random.nextInt(12);
		int year = 1960 + random.nextInt(46);
		return issuedIn.nikPrefix() + String.format("%02d%02d%02d%02d%04d", district, day, month, year % 100, serial);
	}

	static String fullName(SplittableRandom random) {
		return GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size())) + " "
				+ FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size()));
	}

	/**
	 * Sarolangun's campaign: mostly JKK + JKM for non-wage workers, paid from the
	 * regency's budget (APBD).
	 */
	static Registration sarolangun(long seed, int index, Regency issuedIn) {
		SplittableRandom random = random(seed, index);
		String nik = nik(issuedIn, index, random);
		String name = fullName(random);
		int kind = random.nextInt(100);
		Instant at = CAMPAIGN_START.plusSeconds(index);
		if (kind < 80) {
			return new Registration(index, nik, name, "15.03", Segment.BPU, EnumSet.of(Program.JKK, Program.JKM),
					FundingSource.APBD, at);
		}
		if (kind < 95) {
			return new Registration(index, nik, name, "15.03", Segment.PU,
					EnumSet.of(Program.JKK, Program.JKM, Program.JHT, Program.JP), FundingSource.EMPLOYER, at);
		}
		return new Registration(index, nik, name, "15.03", Segment.BPU,
				EnumSet.of(Program.JKK, Program.JKM, Program.JHT), FundingSource.SELF, at);
	}

	/** Any regency's worker, with a segment and programmes drawn from all of them. */
	public static Registration anywhere(long seed, int index, Regency issuedIn, Regency worksIn, Instant at) {
		SplittableRandom random = random(seed, index);
		String nik = nik(issuedIn, index, random);
		String name = fullName(random);
		Segment segment = Segment.values()[random.nextInt(Segment.values().length)];
		Set<Program> programs = EnumSet.of(Program.JKK, Program.JKM);
		if (segment == Segment.PU) {
			programs.add(Program.JHT);
			programs.add(Program.JP);
		}
		FundingSource funding = (segment == Segment.PU) ? FundingSource.EMPLOYER
				: FundingSource.values()[random.nextInt(FundingSource.values().length)];
		return new Registration(index, nik, name, worksIn.code(), segment, programs, funding, at);
	}

}
