package id.ucj.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/**
 * The optional delivery channels; the alert log in MongoDB is always on.
 *
 * @param webhook enabled when {@code url} is set
 * @param email enabled when {@code to} names someone (and {@code spring.mail.host} an
 * SMTP server)
 */
@Validated
@ConfigurationProperties("ucj.channels")
record ChannelSettings(@Valid @DefaultValue Webhook webhook, @Valid @DefaultValue Email email) {

	/**
	 * @param secret signs every body (HMAC-SHA256, header
	 * {@code X-UCJ-Signature: sha256=<hex>}); required with a url
	 * @param format {@code ucj} (the alert as JSON) or {@code alertmanager} (Prometheus
	 * Alertmanager webhook v4)
	 */
	record Webhook(URI url, String secret, @DefaultValue("ucj") Format format, @DefaultValue("5s") Duration timeout) {

		enum Format {

			UCJ, ALERTMANAGER

		}

	}

	record Email(@DefaultValue List<String> to, @DefaultValue("ucj-coverage@localhost") String from) {
	}

}
