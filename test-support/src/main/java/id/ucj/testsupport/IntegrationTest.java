package id.ucj.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, against real infrastructure: the shared in-process
 * Kafka broker and, if the service uses MongoDB, a MongoDB of the test's own (see
 * {@link MongoTestServer}).
 * <p>
 * The context registers no shutdown hook of its own: {@link ShutdownOrder} closes it
 * before the infrastructure it uses stops.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.register-shutdown-hook=false")
@ContextConfiguration(initializers = RealInfrastructure.class)
public @interface IntegrationTest {

}
