package id.ucj.aggregator.view;

import java.util.Collection;
import java.util.List;

/**
 * Where coverage reads regencies' reference data and targets from; the regency package
 * owns and writes them.
 */
public interface RegencyRegister {

	List<RegisteredRegency> find(Collection<String> codes);

	/** All regencies, or those of one province ({@code null}: all). */
	List<RegisteredRegency> inProvince(String provinceCode);

}
