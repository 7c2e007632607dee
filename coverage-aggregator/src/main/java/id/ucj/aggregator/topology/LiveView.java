package id.ucj.aggregator.topology;

import java.util.List;

import id.ucj.contract.CoverageSnapshot;

/**
 * Where the regency step writes regencies' totals: the coverage view that the API reads.
 */
public interface LiveView {

	/**
	 * Writes each regency's totals, unless the view holds that version or a newer one
	 * already (a replay, or a stale instance), and returns the regencies' snapshots as
	 * the view now holds them, to publish.
	 */
	List<CoverageSnapshot> write(List<RegencyTotal> totals);

}
