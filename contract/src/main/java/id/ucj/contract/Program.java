package id.ucj.contract;

/** BPJS Ketenagakerjaan programmes. */
public enum Program {

	/** Jaminan Kecelakaan Kerja: work accident. */
	JKK,
	/** Jaminan Kematian: death. */
	JKM,
	/** Jaminan Hari Tua: old-age savings. */
	JHT,
	/** Jaminan Pensiun: pension. */
	JP,
	/** Jaminan Kehilangan Pekerjaan: job loss. */
	JKP

}
