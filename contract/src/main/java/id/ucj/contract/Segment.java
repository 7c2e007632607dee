package id.ucj.contract;

/** Worker segments as BPJS Ketenagakerjaan counts them. */
public enum Segment {

	/** Penerima Upah: wage earners. */
	PU,
	/** Bukan Penerima Upah: non-wage (informal) workers. */
	BPU,
	/** Jasa Konstruksi: construction-project workers. */
	JAKON,
	/** Pekerja Migran Indonesia: migrant workers. */
	PMI

}
