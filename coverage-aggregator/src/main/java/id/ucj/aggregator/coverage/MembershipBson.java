package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

/**
 * A membership as a BSON document, field by field: the aggregator's hottest write, so it skips the reflective
 * object mapping (which took more than half of the counting thread's time in a profile). The layout is the one
 * Spring Data's mapping gave it, so stores written before read back unchanged ({@code _class} is ignored).
 */
final class MembershipBson {

	static final String COLLECTION = "memberships";

	private MembershipBson() {
	}

	static Document write(MembershipDocument membership) {
		Document document = new Document("_id", membership.participantId()).append("active", membership.active())
			.append("regencyCode", membership.regencyCode())
			.append("segment", name(membership.segment()))
			.append("programs", (membership.programs() != null) ? membership.programs().stream().map(Enum::name).toList() : null)
			.append("fundingSource", name(membership.fundingSource()))
			.append("lastOccurredAt", date(membership.lastOccurredAt()))
			.append("partition", membership.partition())
			.append("lastOffset", membership.lastOffset());
		List<Document> pending = new ArrayList<>();
		if (membership.pending() != null) {
			for (MembershipDocument.PendingChange change : membership.pending()) {
				List<Document> changes = new ArrayList<>();
				for (MembershipDocument.RegencyChange regency : change.changes()) {
					changes.add(new Document("regencyCode", regency.regencyCode()).append("counts", new Document(new LinkedHashMap<>(regency.counts()))));
				}
				pending.add(new Document("offset", change.offset()).append("occurredAt", date(change.occurredAt()))
					.append("changes", changes));
			}
		}
		document.append("pending", pending);
		List<Document> paid = new ArrayList<>();
		if (membership.paid() != null) {
			for (MembershipDocument.PaidMonths range : membership.paid()) {
				paid.add(new Document("from", range.from()).append("through", range.through())
					.append("funding", name(range.funding())));
			}
		}
		return document.append("paid", paid);
	}

	static MembershipDocument read(Document document) {
		List<MembershipDocument.PendingChange> pending = new ArrayList<>();
		for (Document change : document.getList("pending", Document.class, List.of())) {
			List<MembershipDocument.RegencyChange> changes = new ArrayList<>();
			for (Document regency : change.getList("changes", Document.class, List.of())) {
				Map<String, Long> counts = new LinkedHashMap<>();
				regency.get("counts", Document.class).forEach((name, value) -> counts.put(name, ((Number) value).longValue()));
				changes.add(new MembershipDocument.RegencyChange(regency.getString("regencyCode"), counts));
			}
			pending.add(new MembershipDocument.PendingChange(number(change, "offset"), instant(change.getDate("occurredAt")),
					changes));
		}
		List<MembershipDocument.PaidMonths> paid = new ArrayList<>();
		for (Document range : document.getList("paid", Document.class, List.of())) {
			paid.add(new MembershipDocument.PaidMonths(range.getString("from"), range.getString("through"),
					FundingSource.valueOf(range.getString("funding"))));
		}
		Set<Program> programs = EnumSet.noneOf(Program.class);
		document.getList("programs", String.class, List.of()).forEach((program) -> programs.add(Program.valueOf(program)));
		String segment = document.getString("segment");
		String funding = document.getString("fundingSource");
		return new MembershipDocument(document.getString("_id"), document.getBoolean("active", false),
				document.getString("regencyCode"), (segment != null) ? Segment.valueOf(segment) : null, programs,
				(funding != null) ? FundingSource.valueOf(funding) : null, instant(document.getDate("lastOccurredAt")),
				(int) number(document, "partition"), number(document, "lastOffset"), pending, paid);
	}

	private static long number(Document document, String field) {
		return ((Number) document.get(field)).longValue();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
