package id.ucj.contract;

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

}
