package id.ucj.contract;

import java.time.ZoneId;

/**
 * One of Indonesia's 38 provinces, by its Kemendagri code ({@code "15"}), with its time
 * zone (WIB, WITA or WIT, after Presidential Decree 41/1987): a regency's months begin
 * and end in its province's zone.
 */
public record Province(String code, String name, ZoneId zone) {
}
