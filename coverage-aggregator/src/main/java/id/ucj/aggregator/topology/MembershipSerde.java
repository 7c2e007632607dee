package id.ucj.aggregator.topology;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import id.ucj.aggregator.counting.Cover;
import id.ucj.aggregator.counting.Membership;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A membership in the participant store and its changelog, in a few dozen bytes: what is
 * kept for every participant in the country decides the state's size on disk. Layout
 * (version 1): a version byte, a flags byte (registered, has a regency, has a capture
 * time), the regency as two bytes ({@code 15.03}: 15, 3), segment, programmes (a bit
 * each) and funding as one byte each, the capture time of the latest registration or
 * deregistration as seconds and nanoseconds, then the paid ranges: a count, and for each
 * its first and last month (months since year 0, two bytes each) and its funding. Enum
 * values are written by fixed codes, never ordinals, so that reordering an enum cannot
 * change what a stored byte means.
 */
final class MembershipSerde {

	private static final byte VERSION = 1;

	private static final int ACTIVE = 1;

	private static final int HAS_REGENCY = 2;

	private static final int HAS_OCCURRED_AT = 4;

	private static final List<Segment> SEGMENTS = List.of(Segment.PU, Segment.BPU, Segment.JAKON, Segment.PMI);

	private static final List<Program> PROGRAMS = List.of(Program.JKK, Program.JKM, Program.JHT, Program.JP,
			Program.JKP);

	private static final List<FundingSource> FUNDING = List.of(FundingSource.APBD, FundingSource.EMPLOYER,
			FundingSource.SELF);

	private MembershipSerde() {
	}

	static Serde<Membership> serde() {
		return Serdes.serdeFrom((Serializer<Membership>) (topic, membership) -> encode(membership),
				(Deserializer<Membership>) (topic, bytes) -> (bytes != null) ? decode(bytes) : null);
	}

	static byte[] encode(Membership membership) {
		List<Cover.PaidRange> paid = membership.cover().paid();
		ByteBuffer out = ByteBuffer.allocate(2 + 2 + 3 + 12 + 2 + 5 * paid.size());
		int flags = (membership.active() ? ACTIVE : 0) | ((membership.regencyCode() != null) ? HAS_REGENCY : 0)
				| ((membership.lastOccurredAt() != null) ? HAS_OCCURRED_AT : 0);
		out.put(VERSION).put((byte) flags);
		if (membership.regencyCode() != null) {
			out.put((byte) Integer.parseInt(membership.regencyCode().substring(0, 2)))
				.put((byte) Integer.parseInt(membership.regencyCode().substring(3, 5)));
		}
		out.put(code(SEGMENTS, membership.segment()));
		int programs = 0;
		for (Program program : membership.programs()) {
			programs |= 1 << PROGRAMS.indexOf(program);
		}
		out.put((byte) programs).put(code(FUNDING, membership.fundingSource()));
		if (membership.lastOccurredAt() != null) {
			out.putLong(membership.lastOccurredAt().getEpochSecond()).putInt(membership.lastOccurredAt().getNano());
		}
		out.putShort((short) paid.size());
		for (Cover.PaidRange range : paid) {
			out.putShort(month(range.from())).putShort(month(range.through())).put(code(FUNDING, range.funding()));
		}
		byte[] bytes = new byte[out.position()];
		out.flip().get(bytes);
		return bytes;
	}

	static Membership decode(byte[] bytes) {
		ByteBuffer in = ByteBuffer.wrap(bytes);
		if (in.get() != VERSION) {
			throw new SerializationException("Membership of an unknown version " + bytes[0]);
		}
		int flags = in.get();
		String regency = ((flags & HAS_REGENCY) != 0) ? regency(in.get(), in.get()) : null;
		Segment segment = value(SEGMENTS, in.get());
		int programBits = in.get();
		Set<Program> programs = EnumSet.noneOf(Program.class);
		for (int bit = 0; bit < PROGRAMS.size(); bit++) {
			if ((programBits & (1 << bit)) != 0) {
				programs.add(PROGRAMS.get(bit));
			}
		}
		FundingSource funding = value(FUNDING, in.get());
		Instant occurredAt = ((flags & HAS_OCCURRED_AT) != 0) ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
		int ranges = in.getShort();
		List<Cover.PaidRange> paid = new ArrayList<>(ranges);
		for (int i = 0; i < ranges; i++) {
			paid.add(new Cover.PaidRange(month(in.getShort()), month(in.getShort()), value(FUNDING, in.get())));
		}
		return new Membership((flags & ACTIVE) != 0, regency, segment, Set.copyOf(programs), funding, occurredAt,
				new Cover(paid));
	}

	/**
	 * {@code 15.03} from 15 and 3, without a formatter: it runs for every event about a
	 * known participant.
	 */
	private static String regency(byte province, byte regency) {
		return new String(new char[] { (char) ('0' + province / 10), (char) ('0' + province % 10), '.',
				(char) ('0' + regency / 10), (char) ('0' + regency % 10) });
	}

	private static <T> byte code(List<T> values, T value) {
		return (byte) ((value != null) ? values.indexOf(value) + 1 : 0);
	}

	private static <T> T value(List<T> values, byte code) {
		return (code != 0) ? values.get(code - 1) : null;
	}

	private static short month(YearMonth month) {
		return (short) (month.getYear() * 12 + month.getMonthValue() - 1);
	}

	private static YearMonth month(short months) {
		return YearMonth.of(months / 12, months % 12 + 1);
	}

}
