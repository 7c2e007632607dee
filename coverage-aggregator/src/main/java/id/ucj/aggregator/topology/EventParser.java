package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Regions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a participant event from its record: the CloudEvents type header says which, the
 * JSON value what. Each type has its reader, resolved once: finding the type and
 * resolving it for every record cost a tenth of a duplicate's CPU
 * (docs/performance-history.md, change 25).
 */
public class EventParser {

	/** Participant event readers by CloudEvents type. */
	private final Map<String, ObjectReader> readers;

	public EventParser(JsonMapper json) {
		this.readers = Arrays.stream(EventType.values())
			.filter((type) -> ParticipantEvent.class.isAssignableFrom(type.payloadType()))
			.collect(Collectors.toUnmodifiableMap(EventType::ceType, (type) -> json.readerFor(type.payloadType())));
	}

	/** The event a record holds; {@link InvalidEvent} when it holds none. */
	public ParticipantEvent read(Headers headers, String key, byte[] value) {
		Header typeHeader = headers.lastHeader(CloudEventHeaders.TYPE);
		if (typeHeader == null) {
			throw new InvalidEvent("No " + CloudEventHeaders.TYPE + " header");
		}
		String ceType = new String(typeHeader.value(), StandardCharsets.UTF_8);
		ObjectReader reader = this.readers.get(ceType);
		if (reader == null) {
			throw new InvalidEvent("Unknown participant event type '" + ceType + "'");
		}
		if (value == null) {
			throw new InvalidEvent("No value");
		}
		ParticipantEvent event;
		try {
			event = reader.readValue(value);
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
