package id.ucj.aggregator.view;

import id.ucj.aggregator.month.MonthTurns;
import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import id.ucj.aggregator.counting.Counts;
import id.ucj.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every regency has its counters from the first start, in its own month. */
class CountersSeedTest {

	private final CountingFixture fixture = new CountingFixture();

	@AfterEach
	void drop() {
		this.fixture.close();
	}

	@Test
	void newCountersStartInTheirRegencysCurrentMonthSoThatTheFirstMonthCheckPublishesNothing() {
		this.fixture.mongo.dropCollection(CounterDocument.class);
		// 23:30 on 31 October in Jambi (WIB); already 1 November in Jayapura (WIT).
		TestClock clock = new TestClock(Instant.parse("2024-10-31T16:30:00Z"));

		new CountersSeed(this.fixture.mongo, clock).seed();

		assertThat(this.fixture.mongo.count(new Query(), CounterDocument.class)).isEqualTo(514);
		assertThat(this.fixture.mongo.findById("15.03", CounterDocument.class).month()).isEqualTo("2024-10");
		assertThat(this.fixture.mongo.findById("91.71", CounterDocument.class).month()).isEqualTo("2024-11");
		// Nothing is claimed, so the check needs neither the store's views nor a
		// publisher (nor a schedule).
		assertThat(new MonthTurns(new MonthClaims(this.fixture.mongo), null, null, clock, null).publishTurnedMonths())
			.isZero();
	}

	@Test
	void aSecondStartKeepsWhatWasCounted() {
		this.fixture.mongo.getCollection(CounterDocument.COLLECTION)
			.updateOne(new Document("_id", "15.03"), new Document("$set",
					new Document("version", 41L).append("month", "2024-09").append("totals.registered", 7L)));

		new CountersSeed(this.fixture.mongo, new TestClock()).seed();

		CounterDocument sarolangun = this.fixture.mongo.findById("15.03", CounterDocument.class);
		assertThat(sarolangun.version()).isEqualTo(41);
		assertThat(sarolangun.month()).isEqualTo("2024-09");
		assertThat(sarolangun.counts().get(Counts.REGISTERED)).isEqualTo(7);
	}

}
