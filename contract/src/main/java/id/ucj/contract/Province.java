package id.ucj.contract;

/** One of Indonesia's 38 provinces, by its Kemendagri code ({@code "15"}). */
public record Province(String code, String name) {
}
