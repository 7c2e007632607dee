package id.ucj.aggregator.view;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.ucj.testsupport.MongoTestServer;
import id.ucj.testsupport.TestClock;

/**
 * The live view on a real MongoDB (wire protocol), each fixture in a database of its own,
 * seeded as the service seeds it.
 */
final class CountingFixture implements AutoCloseable {

	private static final AtomicInteger databases = new AtomicInteger();

	private final MongoClient client;

	final MongoTemplate mongo;

	CountingFixture() {
		String database = "counting-" + ProcessHandle.current().pid() + "-" + databases.incrementAndGet();
		this.client = MongoClients.create(MongoTestServer.connectionString(database));
		this.mongo = new MongoTemplate(this.client, database);
		new CountersSeed(this.mongo, new TestClock()).seed();
	}

	@Override
	public void close() {
		this.mongo.getDb().drop();
		this.client.close();
	}

}
