package id.ucj.notification.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import id.ucj.notification.alert.Alert;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails alerts over SMTP. The Message-ID derives from the alert's id, so a retried
 * delivery is recognisably the same message.
 */
@Component
@ConditionalOnProperty(prefix = "ucj.channels.email", name = "to")
class EmailChannel implements AlertChannel {

	private final JavaMailSender mail;

	private final ChannelSettings.Email settings;

	EmailChannel(JavaMailSender mail, ChannelSettings settings) {
		this.mail = mail;
		this.settings = settings.email();
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public void deliver(Alert alert) {
		try {
			MimeMessage message = new MimeMessage(this.mail.createMimeMessage().getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", "<" + alert.id().replace('/', '.') + "@ucj-coverage>");
				}
			};
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(this.settings.to().toArray(String[]::new));
			helper.setSubject("[UCJ] " + AlertText.summary(alert));
			helper.setText(AlertText.description(alert));
			message.setHeader("X-UCJ-Alert-Id", alert.id());
			this.mail.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the alert e-mail", ex);
		}
	}

}
