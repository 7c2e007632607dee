package id.ucj.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode:
 * the event's attributes travel as {@code ce_}-prefixed headers and the record value is
 * the JSON payload alone.
 */
public final class CloudEventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String SUBJECT = "ce_subject";

	/**
	 * A CloudEvents extension attribute: the id of the client that submitted the change
	 * (an API key's client or a token's), so that every change is attributable; never a
	 * person's name.
	 */
	public static final String CLIENT = "ce_ucjclient";

	public static final String CONTENT_TYPE = "content-type";

	public static final String SPEC_VERSION_1_0 = "1.0";

	public static final String JSON = "application/json";

	private CloudEventHeaders() {
	}

	/**
	 * The binary-mode headers of one event, in the order they are written: spec version,
	 * id, type, source, time, subject, the submitting client and content type (JSON).
	 */
	public static Map<String, String> of(String id, EventType type, String source, Instant time, String subject,
			String client) {
		Map<String, String> headers = of(id, type, source, time, subject);
		headers.remove(CONTENT_TYPE);
		headers.put(CLIENT, client);
		headers.put(CONTENT_TYPE, JSON);
		return headers;
	}

	/**
	 * As {@link #of(String, EventType, String, Instant, String, String)}, for events no
	 * client submitted.
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
