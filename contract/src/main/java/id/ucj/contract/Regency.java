package id.ucj.contract;

/** A regency (kabupaten) or city (kota), by its Kemendagri code ({@code "15.03"}). */
public record Regency(String code, String provinceCode, String name) {

	/**
	 * The four digits a NIK issued in this regency starts with: {@code "15.03"} gives
	 * {@code "1503"}.
	 */
	public String nikPrefix() {
		return this.code.replace(".", "");
	}

	/** The province part of a regency code: {@code "15.03"} gives {@code "15"}. */
	public static String provinceCodeOf(String regencyCode) {
		return regencyCode.substring(0, regencyCode.indexOf('.'));
	}

}
