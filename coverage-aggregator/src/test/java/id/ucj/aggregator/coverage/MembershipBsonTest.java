package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

/** Memberships written and read field by field, compatible with what the object mapping stored before. */
class MembershipBsonTest {

	static final MembershipDocument SAROLANGUN = new MembershipDocument("v1-3f2a", true, "15.03", Segment.BPU,
			EnumSet.of(Program.JKK, Program.JKM), FundingSource.APBD, Instant.parse("2024-10-10T03:00:00Z"), 4, 9_000_000_123L,
			List.of(new MembershipDocument.PendingChange(9_000_000_123L, Instant.parse("2024-10-10T03:00:00Z"),
					List.of(new MembershipDocument.RegencyChange("15.03",
							Map.of("registered", 1L, "active+@2024-10|BPU|APBD", 1L, "active-@2025-04|BPU|APBD", 1L)),
							new MembershipDocument.RegencyChange("15.02", Map.of("registered", -1L))))),
			List.of(new MembershipDocument.PaidMonths("2024-10", "2025-01", FundingSource.APBD)));

	@Test
	void readsBackWhatItWrites() {
		assertThat(MembershipBson.read(MembershipBson.write(SAROLANGUN))).isEqualTo(SAROLANGUN);
	}

	@Test
	void readsWhatTheObjectMappingStored() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter mapping = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		mapping.setCustomConversions(conversions);
		mapping.afterPropertiesSet();
		Document stored = new Document();
		mapping.write(SAROLANGUN, stored);

		assertThat(stored).containsKey("_class");
		assertThat(MembershipBson.read(stored)).isEqualTo(SAROLANGUN);
		assertThat(mapping.read(MembershipDocument.class, MembershipBson.write(SAROLANGUN))).isEqualTo(SAROLANGUN);
	}

	@Test
	void readsAMembershipFromBeforeEffectiveCoverage() {
		Document old = MembershipBson.write(SAROLANGUN);
		old.remove("paid");
		old.remove("pending");

		MembershipDocument read = MembershipBson.read(old);

		assertThat(read.paid()).isEmpty();
		assertThat(read.pending()).isEmpty();
		assertThat(read.lastOffset()).isEqualTo(9_000_000_123L);
	}

}
