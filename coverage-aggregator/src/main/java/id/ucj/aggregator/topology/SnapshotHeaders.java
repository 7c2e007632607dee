package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.contract.EventType;

/**
 * The CloudEvents headers of a snapshot on coverage-changes. Its id is derived from the
 * regency and the version, so that the same snapshot published twice (a replay) carries
 * the same id.
 */
public final class SnapshotHeaders {

	public static final String SOURCE = "/ucj/coverage-aggregator";

	private SnapshotHeaders() {
	}

	public static Headers of(CoverageSnapshot snapshot) {
		RecordHeaders headers = new RecordHeaders();
		String id = UUID
			.nameUUIDFromBytes((snapshot.regencyCode() + "|" + snapshot.version()).getBytes(StandardCharsets.UTF_8))
			.toString();
		CloudEventHeaders.of(id, EventType.COVERAGE_CHANGED, SOURCE, snapshot.asOf(), snapshot.regencyCode())
			.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

}
