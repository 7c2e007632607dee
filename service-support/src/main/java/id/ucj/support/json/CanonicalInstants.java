package id.ucj.support.json;

import java.time.DateTimeException;
import java.time.Instant;

import com.ethlo.time.ITU;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads an {@link Instant} written as {@link Instant#toString()} writes it
 * ({@code 2026-12-04T03:15:30.123Z}, what every producer of the contract sends) with
 * ITU's RFC 3339 parser, and anything else (an offset other than {@code Z}, epoch
 * numbers, a leap second, garbage) with Jackson's own deserializer, so that what is
 * accepted, what it means and what a refusal says are Jackson's. Jackson's parse of the
 * canonical form took a third of reading a participant event
 * (docs/performance-history.md, change 22).
 */
final class CanonicalInstants extends ValueDeserializer<Instant> {

	/** {@code yyyy-MM-ddTHH:mm:ssZ}, the shortest canonical form. */
	private static final int SHORTEST = 20;

	private final ValueDeserializer<Instant> jackson;

	CanonicalInstants() {
		this(InstantDeserializer.INSTANT);
	}

	private CanonicalInstants(ValueDeserializer<Instant> jackson) {
		this.jackson = jackson;
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			Instant canonical = canonical(parser.getString());
			if (canonical != null) {
				return canonical;
			}
		}
		return this.jackson.deserialize(parser, context);
	}

	/**
	 * The fast path only where Jackson has nothing of its own to apply: a property with
	 * its own format (or leniency) is read by Jackson alone.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		ValueDeserializer<?> contextual = this.jackson.createContextual(context, property);
		return (contextual == this.jackson) ? this : contextual;
	}

	@Override
	public Class<?> handledType() {
		return Instant.class;
	}

	/** The instant {@code text} names in the canonical form, or null. */
	static Instant canonical(String text) {
		int length = text.length();
		if (length < SHORTEST || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T' || text.charAt(4) != '-') {
			return null;
		}
		try {
			return ITU.parseDateTime(text).toInstant();
		}
		catch (DateTimeException notRfc3339) {
			return null;
		}
	}

}
