package id.ucj.testsupport;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A {@link TopicReader} for each test of a Spring test class, on the topic that a
 * property of the application under test names, on the broker that the application uses
 * ({@code spring.kafka.bootstrap-servers}: for an {@link IntegrationTest}, the
 * {@link KafkaTestBroker}). It marks where the topic ends before each test and closes the
 * reader after it, so that a test reads exactly what it caused:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final TopicReaderExtension topic = TopicReaderExtension.named("ucj.topics.participant-events");
 * </pre>
 */
public final class TopicReaderExtension implements BeforeEachCallback, AfterEachCallback {

	private final String topicProperty;

	private TopicReader reader;

	private Map<TopicPartition, Long> mark;

	private TopicReaderExtension(String topicProperty) {
		this.topicProperty = topicProperty;
	}

	/** The topic that the application's property {@code topicProperty} names. */
	public static TopicReaderExtension named(String topicProperty) {
		return new TopicReaderExtension(topicProperty);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
		this.reader = new TopicReader(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				environment.getRequiredProperty(this.topicProperty));
		this.mark = this.reader.mark();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.reader != null) {
			this.reader.close();
		}
	}

	/**
	 * Every record appended since the test began, up to where the topic ends now: call it
	 * once the outcome that puts them there is known (a 202 means published), it does not
	 * wait for records to arrive.
	 */
	public List<ConsumerRecord<byte[], byte[]>> readToEnd() {
		return this.reader.readToEnd(this.mark);
	}

	/** How many offsets the topic grew by since the test began. */
	public long countSinceMark() {
		return this.reader.countSince(this.mark);
	}

}
