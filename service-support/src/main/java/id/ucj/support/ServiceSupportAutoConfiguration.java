package id.ucj.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, HealthIndicator.class })
public class ServiceSupportAutoConfiguration {

	@Bean(name = "mongoHealthIndicator")
	@ConditionalOnBean(MongoTemplate.class)
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new MongoPing(mongo);
	}

}
