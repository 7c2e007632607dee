package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Regions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a participant event from its record: the CloudEvents type header says which, the
 * JSON value what.
 */
public class EventParser {

	private final JsonMapper json;

	public EventParser(JsonMapper json) {
		this.json = json;
	}

	/** The event a record holds; {@link InvalidEvent} when it holds none. */
	public ParticipantEvent read(Headers headers, String key, byte[] value) {
		Header typeHeader = headers.lastHeader(CloudEventHeaders.TYPE);
		if (typeHeader == null) {
			throw new InvalidEvent("No " + CloudEventHeaders.TYPE + " header");
		}
		String ceType = new String(typeHeader.value(), StandardCharsets.UTF_8);
		EventType type = EventType.fromCeType(ceType)
			.filter((candidate) -> ParticipantEvent.class.isAssignableFrom(candidate.payloadType()))
			.orElseThrow(() -> new InvalidEvent("Unknown participant event type '" + ceType + "'"));
		if (value == null) {
			throw new InvalidEvent("No value");
		}
		ParticipantEvent event;
		try {
			event = (ParticipantEvent) this.json.readValue(value, type.payloadType());
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new InvalidEvent("Not a valid " + ceType + ": " + rootMessage(ex), ex);
		}
		if (event == null) {
			throw new InvalidEvent("Not a valid " + ceType + ": null");
		}
		if (event instanceof ParticipantRegistered registered
				&& Regions.official().regency(registered.regencyCode()).isEmpty()) {
			throw new InvalidEvent("Unknown regency '" + registered.regencyCode() + "'");
		}
		if (key != null && !key.equals(event.participantId())) {
			throw new InvalidEvent("Record key is not the event's participantId");
		}
		return event;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = (root instanceof JacksonException jackson) ? jackson.getOriginalMessage() : root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
