package id.ucj.aggregator.regency;

import id.ucj.aggregator.view.RegisteredRegency;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regency as stored in {@code regencies}, written only by {@link RegencyRegistry}: its
 * reference data and what operators set (workforce, target), with which client last set
 * them and when. {@code version} grows with every change.
 */
@Document("regencies")
record RegencyDocument(@Id String code, String name, String provinceCode, Long workforce, Double target, long version,
		Instant updatedAt, String targetsSetBy, Instant targetsSetAt) {

	RegisteredRegency registered() {
		return new RegisteredRegency(this.code, this.name, this.provinceCode, this.workforce, this.target, this.version,
				this.updatedAt, this.targetsSetBy, this.targetsSetAt);
	}

}
