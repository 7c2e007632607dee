package id.ucj.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The official provinces and regencies, from the idn-area-data package (ODbL 1.0; see
 * {@code id/ucj/contract/regions/SOURCE.md} and {@code LICENSE.md} next to the data).
 */
public final class Regions {

	private static final Regions OFFICIAL = load();

	private final Map<String, Province> provinces;

	private final Map<String, Regency> regencies;

	private final Map<String, Regency> regenciesByNikPrefix;

	private Regions(List<Province> provinces, List<Regency> regencies) {
		this.provinces = index(provinces, Province::code);
		this.regencies = index(regencies, Regency::code);
		this.regenciesByNikPrefix = index(regencies, Regency::nikPrefix);
	}

	/** The 38 provinces and 514 regencies in force. */
	public static Regions official() {
		return OFFICIAL;
	}

	public Optional<Province> province(String code) {
		return Optional.ofNullable(this.provinces.get(code));
	}

	public Optional<Regency> regency(String code) {
		return Optional.ofNullable(this.regencies.get(code));
	}

	/** The regency whose NIK prefix (four digits) this is. */
	public Optional<Regency> regencyByNikPrefix(String prefix) {
		return Optional.ofNullable(this.regenciesByNikPrefix.get(prefix));
	}

	public Collection<Province> provinces() {
		return this.provinces.values();
	}

	/** The time zone of a regency ({@code 15.03}): its province's. */
	public Optional<ZoneId> zoneOf(String regencyCode) {
		return regency(regencyCode).flatMap((regency) -> province(regency.provinceCode())).map(Province::zone);
	}

	public Collection<Regency> regencies() {
		return this.regencies.values();
	}

	private static Regions load() {
		Map<String, ZoneId> zones = new java.util.HashMap<>();
		read("province-time-zones.csv", (cells) -> zones.put(cells[0], ZoneId.of(cells[1])));
		List<Province> provinces = read("provinces.csv", (cells) -> new Province(cells[0], cells[1],
				java.util.Objects.requireNonNull(zones.get(cells[0]), () -> "No time zone for province " + cells[0])));
		List<Regency> regencies = read("regencies.csv", (cells) -> new Regency(cells[0], cells[1], cells[2]));
		return new Regions(provinces, regencies);
	}

	private static <T> List<T> read(String file, Function<String[], T> row) {
		String resource = "regions/" + file;
		try (InputStream in = Regions.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing reference data " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return reader.lines()
				.skip(1)
				.filter((line) -> !line.isBlank())
				.map((line) -> row.apply(line.split(",", -1)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		Map<String, T> index = new LinkedHashMap<>();
		items.forEach((item) -> index.put(key.apply(item), item));
		return java.util.Collections.unmodifiableMap(index);
	}

}
