package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.ucj.aggregator.counting.Counts;
import id.ucj.testsupport.MongoTestServer;
import id.ucj.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters have a collection of their own; a store from before keeps its counts. */
class CountersTest {

	@Test
	void theFirstStartCopiesCountersFromWhereAnOlderVersionKeptThem() {
		String database = "counters-" + ProcessHandle.current().pid();
		try (MongoClient client = MongoClients.create(MongoTestServer.connectionString(database))) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			mongo.insert(new Document("_id", "15.03").append("name", "Kabupaten Sarolangun")
				.append("provinceCode", "15")
				.append("version", 41L)
				.append("month", "2024-10")
				.append("partitions", Map.of("p2", Map.of("covered", 7L, "offset", 99L))), "regencies");

			new Counters(mongo, new TestClock()).seed();
			new Counters(mongo, new TestClock()).seed();

			CounterDocument sarolangun = mongo.findById("15.03", CounterDocument.class);
			assertThat(sarolangun.version()).isEqualTo(41);
			assertThat(sarolangun.month()).isEqualTo("2024-10");
			assertThat(sarolangun.countedOffset(2)).isEqualTo(99);
			assertThat(sarolangun.counts().get(Counts.REGISTERED)).as("legacy 'covered' reads as registered")
				.isEqualTo(7);
			assertThat(mongo.findById("15.02", CounterDocument.class).counts().isEmpty()).isTrue();
			assertThat(mongo.count(new Query(), CounterDocument.class)).isEqualTo(514);
		}
	}

	@Test
	void newCountersStartInTheirRegencysCurrentMonthSoThatTheFirstMonthCheckPublishesNothing() {
		String database = "counters-month-" + ProcessHandle.current().pid();
		try (MongoClient client = MongoClients.create(MongoTestServer.connectionString(database))) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			// 23:30 on 31 October in Jambi (WIB); already 1 November in Jayapura (WIT).
			TestClock clock = new TestClock(Instant.parse("2024-10-31T16:30:00Z"));

			new Counters(mongo, clock).seed();

			assertThat(mongo.findById("15.03", CounterDocument.class).month()).isEqualTo("2024-10");
			assertThat(mongo.findById("91.71", CounterDocument.class).month()).isEqualTo("2024-11");
			// Nothing is claimed, so the check needs neither the store's views nor a
			// publisher (nor a schedule).
			assertThat(new MonthTurns(mongo, null, null, clock, null).publishTurnedMonths()).isZero();
		}
	}

	@Test
	void aBatchLeavesTheCountersItReturnsAndCountsEachPartitionOnlyAboveItsOffset() {
		String database = "counters-batch-" + ProcessHandle.current().pid();
		try (MongoClient client = MongoClients.create(MongoTestServer.connectionString(database))) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			mongo.insert(new Document("_id", "15.03").append("version", 41L)
				.append("partitions", Map.of("p2", Map.of("registered", 7L, "offset", 99L))), "regencies");
			TestClock clock = new TestClock();
			Counters counters = new Counters(mongo, clock);
			counters.seed();

			Map<String, CounterDocument> after = counters.add(List.of(supply("15.03", 2, 99, 5),
					supply("15.03", 2, 100, 1), supply("15.03", 4, 0, 2), supply("15.02", 4, 1, 3)));

			CounterDocument sarolangun = mongo.findById("15.03", CounterDocument.class);
			assertThat(sarolangun.counts().get(Counts.REGISTERED))
				.as("7 before, offset 99 counted, 100 and p4's 0 added")
				.isEqualTo(10);
			assertThat(sarolangun.version()).as("one write for the regency, whatever its partitions").isEqualTo(42);
			assertThat(sarolangun.countedOffset(2)).isEqualTo(100);
			assertThat(sarolangun.countedOffset(4)).isZero();
			assertThat(after.get("15.03")).usingRecursiveComparison()
				.ignoringFields("totals", "partitions")
				.isEqualTo(sarolangun);
			assertThat(after.get("15.03").counts()).isEqualTo(sarolangun.counts());
			assertThat(after.get("15.02").counts()).isEqualTo(mongo.findById("15.02", CounterDocument.class).counts());

			counters.add(List.of(supply("15.03", 2, 100, 1), supply("15.03", 4, 0, 2)));
			assertThat(mongo.findById("15.03", CounterDocument.class).counts().get(Counts.REGISTERED))
				.as("a replay adds nothing")
				.isEqualTo(10);
		}
	}

	private static BatchFold.Supply supply(String regency, int partition, long offset, long registered) {
		return new BatchFold.Supply(regency, partition, offset,
				Instant.parse("2024-10-14T02:00:00Z").plusSeconds(offset),
				new Counts().add(Counts.REGISTERED, registered));
	}

}
