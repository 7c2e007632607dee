package id.ucj.aggregator.coverage;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
			assertThat(sarolangun.counts().get(Counts.REGISTERED)).as("legacy 'covered' reads as registered").isEqualTo(7);
			assertThat(mongo.findById("15.02", CounterDocument.class).counts().isEmpty()).isTrue();
			assertThat(mongo.count(new Query(), CounterDocument.class))
				.isEqualTo(514);
		}
	}

}
