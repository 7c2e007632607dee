package id.ucj.aggregator.coverage;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.LapseRule;
import id.ucj.aggregator.counting.EffectiveCoverage;
import id.ucj.contract.Program;
import id.ucj.testsupport.MongoTestServer;
import id.ucj.testsupport.TestClock;

/**
 * Counting against a real MongoDB (wire protocol), each fixture in a database of its own.
 */
final class CountingFixture implements AutoCloseable {

	private static final AtomicInteger databases = new AtomicInteger();

	private final MongoClient client;

	final MongoTemplate mongo;

	CountingFixture() {
		String database = "counting-" + ProcessHandle.current().pid() + "-" + databases.incrementAndGet();
		this.client = MongoClients.create(MongoTestServer.connectionString(database));
		this.mongo = new MongoTemplate(this.client, database);
		new Counters(this.mongo, new TestClock()).seed();
	}

	Counting counting(CrashPoint crashPoint) {
		return new Counting(new Memberships(this.mongo), new Counters(this.mongo, new TestClock()), crashPoint,
				new LapseRules(this.mongo,
						new CoverageSettings(LapseRule.BPJS.unpaidMonthsToLapse(), Duration.ofSeconds(30))));
	}

	Counting counting() {
		return counting((ids) -> {
		});
	}

	/** What the counters say, in the shape of {@link EventLog#expectedCoverage()}. */
	Map<String, Long> coverage() {
		Map<String, Long> coverage = new TreeMap<>();
		for (CounterDocument regency : this.mongo.find(new Query(), CounterDocument.class)) {
			Counts counts = regency.counts();
			if (counts.get(Counts.REGISTERED) != 0) {
				coverage.put(regency.code(), counts.get(Counts.REGISTERED));
			}
			for (Program program : Program.values()) {
				long covered = counts.get(Counts.program(program));
				if (covered != 0) {
					coverage.put(regency.code() + "/" + program, covered);
				}
			}
			for (YearMonth month : EventLog.MONTHS) {
				long active = EffectiveCoverage.of(counts, month).active();
				if (active != 0) {
					coverage.put(regency.code() + "@" + month + "/active", active);
				}
			}
		}
		return coverage;
	}

	@Override
	public void close() {
		this.mongo.getDb().drop();
		this.client.close();
	}

}
