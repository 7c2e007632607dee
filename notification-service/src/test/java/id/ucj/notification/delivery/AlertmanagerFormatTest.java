package id.ucj.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import id.ucj.notification.alert.Alert;
import id.ucj.notification.alert.Direction;
import id.ucj.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook's Alertmanager format reaches a real HTTP receiver as an Alertmanager
 * webhook (v4) payload.
 */
class AlertmanagerFormatTest {

	final WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stop() {
		this.receiver.stop();
	}

	@Test
	void postsTheAlertmanagerWebhookPayload() {
		this.receiver.start();
		this.receiver.stubFor(post("/am").willReturn(ok()));
		WebhookChannel channel = channel(ChannelSettings.Webhook.Format.ALERTMANAGER);

		channel.deliver(alert());

		JsonNode payload = this.json
			.readTree(this.receiver.findAll(postRequestedFor(urlEqualTo("/am"))).get(0).getBody());
		assertThat(payload.get("version").asString()).isEqualTo("4");
		assertThat(payload.get("status").asString()).isEqualTo("firing");
		assertThat(payload.get("groupKey").asString()).isNotBlank();
		JsonNode alert = payload.get("alerts").get(0);
		assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("UcjCoverageThresholdCrossed");
		assertThat(alert.get("labels").get("regency").asString()).isEqualTo("15.03");
		assertThat(alert.get("labels").get("direction").asString()).isEqualTo("REACHED");
		assertThat(alert.get("labels").get("threshold").asString()).isEqualTo("0.65");
		assertThat(alert.get("annotations").get("summary").asString())
			.isEqualTo("Kabupaten Sarolangun (15.03) reached 65% coverage");
		assertThat(alert.get("startsAt").asString()).isEqualTo("2024-10-14T02:00:00Z");
		assertThat(alert.get("fingerprint").asString()).isEqualTo("15.03/0.65/1");
	}

	@Test
	void postsAnAtRiskAlertWithTheMonthTheRenewalsAndTheirCost() {
		this.receiver.start();
		this.receiver.stubFor(post("/am").willReturn(ok()));
		Alert atRisk = new Alert("15.03/0.65/AT_RISK/2025-02", "15.03", "Kabupaten Sarolangun", "15", 0.65,
				Direction.AT_RISK, 0.651, 72_912, 112_000L, 0.65, Instant.parse("2024-10-14T02:00:00Z"),
				Instant.parse("2024-10-14T02:00:01Z"), 43, Map.of(), "2025-02", 24_600L, 413_280_000L);

		channel(ChannelSettings.Webhook.Format.ALERTMANAGER).deliver(atRisk);

		JsonNode alert = this.json.readTree(this.receiver.findAll(postRequestedFor(urlEqualTo("/am"))).get(0).getBody())
			.get("alerts")
			.get(0);
		assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("UcjCoverageAtRisk");
		assertThat(alert.get("labels").get("risk_month").asString()).isEqualTo("2025-02");
		assertThat(alert.get("annotations").get("renewals_needed").asString()).isEqualTo("24600");
		assertThat(alert.get("annotations").get("renewal_cost_rupiah").asString()).isEqualTo("413280000");
		assertThat(alert.get("annotations").get("summary").asString())
			.isEqualTo("Kabupaten Sarolangun (15.03) is forecast to fall below 65% coverage in 2025-02");
		assertThat(alert.get("annotations").get("description").asString())
			.startsWith("Kabupaten Sarolangun (15.03) is forecast to fall below 65% coverage in 2025-02; renew 24600 "
					+ "participants (Rp 413,280,000 a month) to stay there");
	}

	@Test
	void failsWhenTheReceiverAnswersAnythingButSuccess() {
		this.receiver.start();
		this.receiver.stubFor(post("/am").willReturn(aResponse().withStatus(503)));
		WebhookChannel channel = channel(ChannelSettings.Webhook.Format.UCJ);

		assertThatThrownBy(() -> channel.deliver(alert())).isInstanceOfSatisfying(ReceiverRefused.class,
				(refused) -> assertThat(refused.status()).isEqualTo(503));
		assertThat(this.receiver.findAll(postRequestedFor(urlEqualTo("/am")))).as("the alert reached the receiver")
			.hasSize(1);

		this.receiver.stubFor(post("/am").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
		assertThatThrownBy(() -> channel.deliver(alert())).isInstanceOfSatisfying(ReceiverRefused.class,
				(refused) -> assertThat(refused.status()).isEqualTo(302));
	}

	@Test
	void refusesToStartWithoutASigningSecret() {
		ChannelSettings settings = new ChannelSettings(new ChannelSettings.Webhook(URI.create("http://127.0.0.1:1/am"),
				"", ChannelSettings.Webhook.Format.UCJ, Duration.ofSeconds(1)), null);

		assertThatThrownBy(() -> new WebhookChannel(settings, RestClient.builder(), this.json, new TestClock()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesPlainHttpToAnyReceiverButLoopback() {
		for (String url : List.of("http://alerts.jambiprov.go.id/ucj", "http://10.0.0.8/ucj", "http://[::2]/ucj")) {
			ChannelSettings settings = new ChannelSettings(new ChannelSettings.Webhook(URI.create(url),
					"test-only-secret", ChannelSettings.Webhook.Format.UCJ, Duration.ofSeconds(1)), null);

			assertThatThrownBy(() -> new WebhookChannel(settings, RestClient.builder(), this.json, new TestClock()))
				.as(url)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("https");
		}
		for (String url : List.of("https://alerts.jambiprov.go.id/ucj", "http://localhost:9/ucj",
				"http://127.0.0.1:9/ucj", "http://[::1]:9/ucj")) {
			ChannelSettings settings = new ChannelSettings(new ChannelSettings.Webhook(URI.create(url),
					"test-only-secret", ChannelSettings.Webhook.Format.UCJ, Duration.ofSeconds(1)), null);

			assertThat(new WebhookChannel(settings, RestClient.builder(), this.json, new TestClock()).name()).as(url)
				.isEqualTo("webhook");
		}
	}

	private WebhookChannel channel(ChannelSettings.Webhook.Format format) {
		ChannelSettings settings = new ChannelSettings(new ChannelSettings.Webhook(
				URI.create(this.receiver.baseUrl() + "/am"), "test-only-secret", format, Duration.ofSeconds(2)), null);
		return new WebhookChannel(settings, RestClient.builder(), this.json, new TestClock());
	}

	private static Alert alert() {
		return new Alert("15.03/0.65/1", "15.03", "Kabupaten Sarolangun", "15", 0.65, Direction.REACHED, 0.65, 72_800,
				112_000L, 0.65, Instant.parse("2024-10-14T02:00:00Z"), Instant.parse("2024-10-14T02:00:01Z"), 42,
				Map.of(), null, null, null);
	}

}
