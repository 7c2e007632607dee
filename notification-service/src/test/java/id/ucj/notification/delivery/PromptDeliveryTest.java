package id.ucj.notification.delivery;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.testsupport.CoverageSnapshots;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crossing reaches the webhook as soon as it is recorded, not at the outbox's next
 * poll: the poll here is an hour, so only the wake-up of a newly recorded alert can
 * deliver it.
 */
@IntegrationTest
class PromptDeliveryTest {

	static final WireMockServer webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	static {
		webhook.start();
		webhook.stubFor(post("/alerts").willReturn(ok()));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("ucj.channels.webhook.url", () -> webhook.baseUrl() + "/alerts");
		registry.add("ucj.channels.webhook.secret", () -> "test-only-webhook-secret");
		registry.add("ucj.delivery.poll-interval", () -> "1h");
	}

	@AfterAll
	static void stopReceiver() {
		webhook.stop();
	}

	@Value("${ucj.topics.coverage-changes}")
	String topic;

	@Test
	void deliversACrossingAtOnceWithoutWaitingForThePoll() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		CoverageSnapshot kerinci = CoverageSnapshots.regency("15.01").covered(660).workforce(1000).target(0.65).build();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(
					new ProducerRecord<>(this.topic, "15.01", JsonMapper.builder().build().writeValueAsBytes(kerinci)));
		}

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/alerts")))).hasSize(2));
	}

}
