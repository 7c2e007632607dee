package id.ucj.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write a client was told succeeded is in the file, as the operating system has it,
 * even if the process dies the next instant: a copy of the file taken while the store is
 * still open (what a killed launcher leaves) opens with every write, also after many
 * updates let the store reuse the space of chunks no longer in use.
 */
class DurableH2BackendTest {

	@TempDir
	Path directory;

	@Test
	void theFileHoldsEveryAcknowledgedWriteWhileTheStoreIsStillOpen() throws IOException {
		Path file = this.directory.resolve("ucj.mv");
		Path killed = this.directory.resolve("killed.mv");
		MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
		try (MongoClient client = MongoClients.create(onLoopback(server))) {
			MongoCollection<Document> counters = client.getDatabase("ucj").getCollection("counters");
			counters.insertOne(new Document("_id", "15.03").append("registered", 0L));
			for (int i = 0; i < 2_000; i++) {
				counters.updateOne(Filters.eq("_id", "15.03"), Updates.inc("registered", 1L));
			}
			Files.copy(file, killed);
		}
		finally {
			server.shutdownNow();
		}

		MongoServer reopened = new MongoServer(new DurableH2Backend(killed.toString()));
		try (MongoClient client = MongoClients.create(onLoopback(reopened))) {
			Document sarolangun = client.getDatabase("ucj")
				.getCollection("counters")
				.find(Filters.eq("_id", "15.03"))
				.first();
			assertThat(sarolangun).isNotNull();
			assertThat(sarolangun.getLong("registered")).isEqualTo(2_000L);
		}
		finally {
			reopened.shutdownNow();
		}
	}

	private static String onLoopback(MongoServer server) {
		server.bind("127.0.0.1", 0);
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

}
