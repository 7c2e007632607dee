package id.ucj.contract;

/** Who pays the contributions. */
public enum FundingSource {

	/** The regency's own budget (Anggaran Pendapatan dan Belanja Daerah). */
	APBD, EMPLOYER, SELF

}
