package id.ucj.notification.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import id.ucj.notification.alert.Alert;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to a webhook, as the alert's JSON or as a Prometheus Alertmanager webhook
 * (v4) payload. Each post carries {@code X-UCJ-Timestamp} (unix seconds) and
 * {@code X-UCJ-Signature: sha256=<hex>}, an HMAC-SHA256 over
 * {@code "<timestamp>.<body>"}, so that a receiver can refuse a replayed post (too old)
 * as well as a forged one. Any answer but 2xx is a failure, retried from the outbox. Only
 * a loopback receiver may use plain http.
 */
@Component
@ConditionalOnProperty(prefix = "ucj.channels.webhook", name = "url")
class WebhookChannel implements AlertChannel {

	static final String SIGNATURE = "X-UCJ-Signature";

	static final String TIMESTAMP = "X-UCJ-Timestamp";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ChannelSettings.Webhook settings;

	private final RestClient http;

	private final JsonMapper json;

	private final Clock clock;

	WebhookChannel(ChannelSettings settings, RestClient.Builder http, JsonMapper json, Clock clock) {
		this.settings = settings.webhook();
		if (this.settings.secret() == null || this.settings.secret().isBlank()) {
			throw new IllegalStateException("ucj.channels.webhook.secret must be set to sign webhook bodies");
		}
		if (!"https".equalsIgnoreCase(this.settings.url().getScheme()) && !isLoopback(this.settings.url())) {
			throw new IllegalStateException("ucj.channels.webhook.url must use https (plain http only on loopback)");
		}
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(this.settings.timeout());
		this.http = http.requestFactory(requests).build();
		this.json = json;
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public void deliver(Alert alert) {
		byte[] body = this.json
			.writeValueAsBytes((this.settings.format() == ChannelSettings.Webhook.Format.ALERTMANAGER)
					? alertmanager(alert) : alert.withoutDeliveryErrors());
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		this.http.post()
			.uri(this.settings.url())
			.contentType(MediaType.APPLICATION_JSON)
			.header(IDEMPOTENCY_KEY, alert.id())
			.header(TIMESTAMP, timestamp)
			.header(SIGNATURE, "sha256=" + sign(timestamp, body))
			.body(body)
			.retrieve()
			.onStatus((status) -> !status.is2xxSuccessful(), (request, response) -> {
				throw new ReceiverRefused(response.getStatusCode().value());
			})
			.toBodilessEntity();
	}

	private String sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static boolean isLoopback(URI url) {
		String host = (url.getHost() != null) ? url.getHost().replaceAll("^\\[|]$", "") : "";
		try {
			return "localhost".equalsIgnoreCase(host)
					|| (!host.isEmpty() && host.matches("[0-9.:]+") && InetAddress.getByName(host).isLoopbackAddress());
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * The Alertmanager webhook payload (version 4), so that receivers built for
	 * Alertmanager work unchanged.
	 */
	private static Map<String, Object> alertmanager(Alert alert) {
		Map<String, String> labels = new LinkedHashMap<>();
		boolean risk = alert.riskMonth() != null;
		labels.put("alertname", risk ? "UcjCoverageAtRisk" : "UcjCoverageThresholdCrossed");
		labels.put("direction", alert.direction().name());
		labels.put("regency", alert.regencyCode());
		labels.put("regency_name", alert.regencyName());
		labels.put("province", alert.provinceCode());
		labels.put("threshold", Double.toString(alert.threshold()));
		if (risk) {
			labels.put("risk_month", alert.riskMonth());
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", AlertText.summary(alert));
		annotations.put("description", AlertText.description(alert));
		if (alert.renewalsNeeded() != null) {
			annotations.put("renewals_needed", Long.toString(alert.renewalsNeeded()));
		}
		if (alert.renewalCost() != null) {
			annotations.put("renewal_cost_rupiah", Long.toString(alert.renewalCost()));
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("status", "firing");
		entry.put("labels", labels);
		entry.put("annotations", annotations);
		entry.put("startsAt", alert.crossedAt().toString());
		entry.put("endsAt", Instant.EPOCH.toString());
		entry.put("generatorURL", "");
		entry.put("fingerprint", alert.id());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("version", "4");
		payload.put("groupKey", "{}:{regency=\"" + alert.regencyCode() + "\"}");
		payload.put("truncatedAlerts", 0);
		payload.put("status", "firing");
		payload.put("receiver", "ucj-coverage");
		payload.put("groupLabels", Map.of("regency", alert.regencyCode()));
		payload.put("commonLabels", labels);
		payload.put("commonAnnotations", annotations);
		payload.put("externalURL", "");
		payload.put("alerts", List.of(entry));
		return payload;
	}

}
