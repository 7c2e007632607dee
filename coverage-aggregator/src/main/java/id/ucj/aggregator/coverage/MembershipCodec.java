package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonInvalidOperationException;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A membership as BSON, field by field, straight between the record and the driver's
 * reader and writer: the aggregator's hottest write and read. No reflective object
 * mapping (more than half of the counting thread's time in a profile), and no
 * {@code Document} in between (looking up a codec for each of its values took a third of
 * what was left). The layout is the one Spring Data's mapping gave it, so stores written
 * before read back unchanged; fields it does not know ({@code _class}) are skipped.
 */
final class MembershipCodec implements Codec<MembershipDocument> {

	static final String COLLECTION = "memberships";

	@Override
	public Class<MembershipDocument> getEncoderClass() {
		return MembershipDocument.class;
	}

	@Override
	public void encode(BsonWriter writer, MembershipDocument membership, EncoderContext context) {
		writer.writeStartDocument();
		writer.writeString("_id", membership.participantId());
		writer.writeBoolean("active", membership.active());
		string(writer, "regencyCode", membership.regencyCode());
		string(writer, "segment", name(membership.segment()));
		if (membership.programs() == null) {
			writer.writeNull("programs");
		}
		else {
			writer.writeStartArray("programs");
			membership.programs().forEach((program) -> writer.writeString(program.name()));
			writer.writeEndArray();
		}
		string(writer, "fundingSource", name(membership.fundingSource()));
		date(writer, "lastOccurredAt", membership.lastOccurredAt());
		writer.writeInt32("partition", membership.partition());
		writer.writeInt64("lastOffset", membership.lastOffset());
		writer.writeStartArray("pending");
		for (MembershipDocument.PendingChange change : (membership.pending() != null) ? membership.pending()
				: List.<MembershipDocument.PendingChange>of()) {
			writer.writeStartDocument();
			writer.writeInt64("offset", change.offset());
			date(writer, "occurredAt", change.occurredAt());
			writer.writeStartArray("changes");
			for (MembershipDocument.RegencyChange regency : change.changes()) {
				writer.writeStartDocument();
				string(writer, "regencyCode", regency.regencyCode());
				writer.writeStartDocument("counts");
				regency.counts().forEach(writer::writeInt64);
				writer.writeEndDocument();
				writer.writeEndDocument();
			}
			writer.writeEndArray();
			writer.writeEndDocument();
		}
		writer.writeEndArray();
		writer.writeStartArray("paid");
		for (MembershipDocument.PaidMonths range : (membership.paid() != null) ? membership.paid()
				: List.<MembershipDocument.PaidMonths>of()) {
			writer.writeStartDocument();
			string(writer, "from", range.from());
			string(writer, "through", range.through());
			string(writer, "funding", name(range.funding()));
			writer.writeEndDocument();
		}
		writer.writeEndArray();
		writer.writeEndDocument();
	}

	@Override
	public MembershipDocument decode(BsonReader reader, DecoderContext context) {
		String participantId = null;
		boolean active = false;
		String regencyCode = null;
		Segment segment = null;
		Set<Program> programs = EnumSet.noneOf(Program.class);
		FundingSource funding = null;
		Instant lastOccurredAt = null;
		int partition = 0;
		long lastOffset = 0;
		List<MembershipDocument.PendingChange> pending = new ArrayList<>();
		List<MembershipDocument.PaidMonths> paid = new ArrayList<>();
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String field = reader.readName();
			if (skippedNull(reader)) {
				continue;
			}
			switch (field) {
				case "_id" -> participantId = reader.readString();
				case "active" -> active = reader.readBoolean();
				case "regencyCode" -> regencyCode = reader.readString();
				case "segment" -> segment = Segment.valueOf(reader.readString());
				case "programs" -> readArray(reader, () -> programs.add(Program.valueOf(reader.readString())));
				case "fundingSource" -> funding = FundingSource.valueOf(reader.readString());
				case "lastOccurredAt" -> lastOccurredAt = Instant.ofEpochMilli(reader.readDateTime());
				case "partition" -> partition = (int) number(reader);
				case "lastOffset" -> lastOffset = number(reader);
				case "pending" -> readArray(reader, () -> pending.add(readPendingChange(reader)));
				case "paid" -> readArray(reader, () -> paid.add(readPaidMonths(reader)));
				default -> reader.skipValue();
			}
		}
		reader.readEndDocument();
		return new MembershipDocument(participantId, active, regencyCode, segment, programs, funding, lastOccurredAt,
				partition, lastOffset, pending, paid);
	}

	private static MembershipDocument.PendingChange readPendingChange(BsonReader reader) {
		long offset = 0;
		Instant occurredAt = null;
		List<MembershipDocument.RegencyChange> changes = new ArrayList<>();
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String field = reader.readName();
			if (skippedNull(reader)) {
				continue;
			}
			switch (field) {
				case "offset" -> offset = number(reader);
				case "occurredAt" -> occurredAt = Instant.ofEpochMilli(reader.readDateTime());
				case "changes" -> readArray(reader, () -> changes.add(readRegencyChange(reader)));
				default -> reader.skipValue();
			}
		}
		reader.readEndDocument();
		return new MembershipDocument.PendingChange(offset, occurredAt, changes);
	}

	private static MembershipDocument.RegencyChange readRegencyChange(BsonReader reader) {
		String regencyCode = null;
		Map<String, Long> counts = new LinkedHashMap<>();
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String field = reader.readName();
			if (skippedNull(reader)) {
				continue;
			}
			switch (field) {
				case "regencyCode" -> regencyCode = reader.readString();
				case "counts" -> {
					reader.readStartDocument();
					while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
						counts.put(reader.readName(), number(reader));
					}
					reader.readEndDocument();
				}
				default -> reader.skipValue();
			}
		}
		reader.readEndDocument();
		return new MembershipDocument.RegencyChange(regencyCode, counts);
	}

	private static MembershipDocument.PaidMonths readPaidMonths(BsonReader reader) {
		String from = null;
		String through = null;
		FundingSource funding = null;
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String field = reader.readName();
			if (skippedNull(reader)) {
				continue;
			}
			switch (field) {
				case "from" -> from = reader.readString();
				case "through" -> through = reader.readString();
				case "funding" -> funding = FundingSource.valueOf(reader.readString());
				default -> reader.skipValue();
			}
		}
		reader.readEndDocument();
		return new MembershipDocument.PaidMonths(from, through, funding);
	}

	/**
	 * Reads the array the reader is at, calling {@code element} with the reader at each
	 * of its values.
	 */
	private static void readArray(BsonReader reader, Runnable element) {
		reader.readStartArray();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			element.run();
		}
		reader.readEndArray();
	}

	/**
	 * Reads the value the reader is at if it is a null (the field then keeps its
	 * default).
	 */
	private static boolean skippedNull(BsonReader reader) {
		if (reader.getCurrentBsonType() != BsonType.NULL) {
			return false;
		}
		reader.readNull();
		return true;
	}

	/** A whole number, whichever width it was stored in. */
	private static long number(BsonReader reader) {
		return switch (reader.getCurrentBsonType()) {
			case INT32 -> reader.readInt32();
			case INT64 -> reader.readInt64();
			case DOUBLE -> (long) reader.readDouble();
			default -> throw new BsonInvalidOperationException("Not a number: " + reader.getCurrentBsonType());
		};
	}

	private static void string(BsonWriter writer, String field, String value) {
		if (value == null) {
			writer.writeNull(field);
		}
		else {
			writer.writeString(field, value);
		}
	}

	private static void date(BsonWriter writer, String field, Instant value) {
		if (value == null) {
			writer.writeNull(field);
		}
		else {
			writer.writeDateTime(field, value.toEpochMilli());
		}
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
