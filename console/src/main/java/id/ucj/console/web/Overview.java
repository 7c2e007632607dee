package id.ucj.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.ucj.console.api.Coverage;
import id.ucj.contract.Regions;

/**
 * The overview: the regencies a user may see, filtered by province and sorted, with their
 * provinces' roll-ups on top. Pure.
 *
 * @param sort one of {@link #SORTS}
 * @param descending whether the sort runs from the largest
 */
public record Overview(List<ProvinceRollUp> provinces, List<Coverage> regencies, String sort, boolean descending) {

	public static final List<String> SORTS = List.of("code", "name", "coverage", "needed", "lapsing");

	/**
	 * A province's regencies (those the user may see) added up; its ratio over the
	 * regencies whose workforce is known.
	 */
	public record ProvinceRollUp(String provinceCode, String name, int regencies, long covered, long workforce,
			Double coverageRatio, int atTarget, int withTarget) {
	}

	/**
	 * @param province a province code to keep only its regencies, or {@code null}
	 * @param sort one of {@link #SORTS}; anything else sorts by code
	 * @param direction {@code desc} for largest first; anything else is ascending
	 */
	public static Overview of(List<Coverage> all, String province, String sort, String direction) {
		String by = (sort != null && SORTS.contains(sort)) ? sort : "code";
		boolean descending = "desc".equals(direction);
		List<Coverage> regencies = new ArrayList<>(
				all.stream().filter((regency) -> province == null || province.equals(regency.provinceCode())).toList());
		Comparator<Coverage> order = comparator(by);
		regencies.sort(descending ? order.reversed() : order);
		return new Overview(rollUps(regencies), List.copyOf(regencies), by, descending);
	}

	private static Comparator<Coverage> comparator(String by) {
		Comparator<Coverage> byCode = Comparator.comparing(Coverage::regencyCode);
		return switch (by) {
			case "name" -> Comparator.comparing((Coverage regency) -> regency.regencyName().toLowerCase(Locale.ROOT))
				.thenComparing(byCode);
			case "coverage" ->
				Comparator.comparing(Coverage::coverageRatio, Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparing(byCode);
			case "needed" ->
				Comparator.comparing(Coverage::stillNeeded, Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparing(byCode);
			case "lapsing" ->
				Comparator.comparingLong((Coverage regency) -> regency.lapsingWithin(3)).thenComparing(byCode);
			default -> byCode;
		};
	}

	private static List<ProvinceRollUp> rollUps(List<Coverage> regencies) {
		Map<String, List<Coverage>> byProvince = new LinkedHashMap<>();
		regencies.stream()
			.sorted(Comparator.comparing(Coverage::regencyCode))
			.forEach((regency) -> byProvince.computeIfAbsent(regency.provinceCode(), (code) -> new ArrayList<>())
				.add(regency));
		List<ProvinceRollUp> rollUps = new ArrayList<>();
		byProvince.forEach((code, members) -> {
			long covered = members.stream().mapToLong(Coverage::covered).sum();
			long coveredWhereKnown = members.stream()
				.filter((regency) -> regency.workforce() != null)
				.mapToLong(Coverage::covered)
				.sum();
			long workforce = members.stream()
				.filter((regency) -> regency.workforce() != null)
				.mapToLong(Coverage::workforce)
				.sum();
			int withTarget = (int) members.stream().filter((regency) -> regency.atTarget() != null).count();
			int atTarget = (int) members.stream().filter((regency) -> Boolean.TRUE.equals(regency.atTarget())).count();
			String name = Regions.official().province(code).map((province) -> province.name()).orElse(code);
			rollUps.add(new ProvinceRollUp(code, name, members.size(), covered, workforce,
					(workforce > 0) ? (double) coveredWhereKnown / workforce : null, atTarget, withTarget));
		});
		return List.copyOf(rollUps);
	}

	/**
	 * The direction a column's header link sorts by next: the other one if it is the
	 * sort.
	 */
	public String nextDirection(String column) {
		return (column.equals(this.sort) && !this.descending) ? "desc" : "asc";
	}

	/** The column's {@code aria-sort}: ascending, descending or none. */
	public String ariaSort(String column) {
		return !column.equals(this.sort) ? "none" : this.descending ? "descending" : "ascending";
	}

}
