package id.ucj.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's
 * attributes travel as {@code ce_}-prefixed headers and the record value is the JSON payload alone.
 */
public final class CloudEventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	public static final String SPEC_VERSION_1_0 = "1.0";

	public static final String JSON = "application/json";

	private CloudEventHeaders() {
	}

	/**
	 * The binary-mode headers of one event, in the order they are written: spec version, id, type, source, time,
	 * subject and content type (JSON).
	 */
	public static Map<String, String> of(String id, EventType type, String source, Instant time, String subject) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
		headers.put(ID, id);
		headers.put(TYPE, type.ceType());
		headers.put(SOURCE, source);
		headers.put(TIME, time.toString());
		headers.put(SUBJECT, subject);
		headers.put(CONTENT_TYPE, JSON);
		return headers;
	}

}
