package id.ucj.support;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB-compatible server answers (the
 * local run's mongo-java-server does not know {@code hello}, which Boot's own indicator
 * sends). Replaces that indicator by taking its name (see
 * {@link ServiceSupportAutoConfiguration}).
 */
class MongoPing extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPing(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
	}

}
