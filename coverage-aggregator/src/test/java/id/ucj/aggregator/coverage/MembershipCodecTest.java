package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.MongoClientSettings;
import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships written and read field by field, compatible with what the object mapping
 * stored before.
 */
class MembershipCodecTest {

	private static final MembershipCodec CODEC = new MembershipCodec();

	static final MembershipDocument SAROLANGUN = new MembershipDocument("v1-3f2a", true, "15.03", Segment.BPU,
			EnumSet.of(Program.JKK, Program.JKM), FundingSource.APBD, Instant.parse("2024-10-10T03:00:00Z"), 4,
			9_000_000_123L, List.of(new MembershipDocument.PendingChange(9_000_000_123L,
					Instant.parse("2024-10-10T03:00:00Z"), List.of(
							new MembershipDocument.RegencyChange("15.03",
									Map.of("registered", 1L, "active+@2024-10|BPU|APBD", 1L, "active-@2025-04|BPU|APBD",
											1L)),
							new MembershipDocument.RegencyChange("15.02", Map.of("registered", -1L))))),
			List.of(new MembershipDocument.PaidMonths("2024-10", "2025-01", FundingSource.APBD)));

	@Test
	void readsBackWhatItWrites() {
		assertThat(read(write(SAROLANGUN))).isEqualTo(SAROLANGUN);
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
		assertThat(read(stored)).isEqualTo(SAROLANGUN);
		assertThat(mapping.read(MembershipDocument.class, write(SAROLANGUN))).isEqualTo(SAROLANGUN);
	}

	@Test
	void readsAMembershipFromBeforeEffectiveCoverage() {
		Document old = write(SAROLANGUN);
		old.remove("paid");
		old.remove("pending");

		MembershipDocument read = read(old);

		assertThat(read.paid()).isEmpty();
		assertThat(read.pending()).isEmpty();
		assertThat(read.lastOffset()).isEqualTo(9_000_000_123L);
	}

	@Test
	void skipsNullsAndFieldsItDoesNotKnow() {
		Document stored = write(SAROLANGUN).append("segment", null)
			.append("programs", null)
			.append("note", new Document("x", 1));

		MembershipDocument read = read(stored);

		assertThat(read.segment()).isNull();
		assertThat(read.programs()).isEmpty();
		assertThat(read.regencyCode()).isEqualTo("15.03");
	}

	/** What the codec writes, as a document. */
	private static Document write(MembershipDocument membership) {
		BsonDocument written = new BsonDocument();
		CODEC.encode(new BsonDocumentWriter(written), membership, EncoderContext.builder().build());
		return new DocumentCodec().decode(new BsonDocumentReader(written), DecoderContext.builder().build());
	}

	/** What the codec reads from a document. */
	private static MembershipDocument read(Document document) {
		BsonDocument bson = document.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
		return CODEC.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
	}

}
