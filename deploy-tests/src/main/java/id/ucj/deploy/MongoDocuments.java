package id.ucj.deploy;

import java.util.function.BiConsumer;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Every document of every collection of every database, as JSON, in batches a MongoDB
 * reply can hold.
 */
final class MongoDocuments {

	private MongoDocuments() {
	}

	static void readAll(String uri, BiConsumer<String, String> reader) {
		try (MongoClient client = MongoClients.create(uri)) {
			for (String database : client.listDatabaseNames()) {
				MongoDatabase db = client.getDatabase(database);
				for (String collection : db.listCollectionNames()) {
					for (Document document : db.getCollection(collection).find().batchSize(500)) {
						reader.accept("mongodb " + database + "." + collection, document.toJson());
					}
				}
			}
		}
	}

}
