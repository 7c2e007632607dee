package id.ucj.aggregator.view;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

/**
 * The live view is written on the counting job's stream thread, inside its transaction
 * (10 s under exactly_once_v2): a write to an unreachable MongoDB must fail within
 * seconds, so that its regencies wait for the next flush while counting goes on, rather
 * than hold the thread for the driver's default 30 s and see its transaction aborted. A
 * connection string that sets its own timeouts keeps them.
 */
@Configuration(proxyBeanMethods = false)
class FailFastMongo {

	@Bean
	MongoClientSettingsBuilderCustomizer failFastTimeouts(@Value("${spring.mongodb.uri}") String uri) {
		ConnectionString given = new ConnectionString(uri);
		return (settings) -> {
			if (given.getServerSelectionTimeout() == null) {
				settings.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS));
			}
			if (given.getConnectTimeout() == null && given.getSocketTimeout() == null) {
				settings.applyToSocketSettings(
						(socket) -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS));
			}
		};
	}

}
