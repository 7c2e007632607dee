package id.ucj.enrollment.registration;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.TestClock;
import id.ucj.testsupport.TopicReaderExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every invalid input gets a 4xx problem naming the bad field, and nothing reaches Kafka.
 */
@IntegrationTest
class InvalidInputTest {

	private static final String REGISTRATIONS = "/api/v1/registrations";

	private static final String BATCH = "/api/v1/registrations/batch";

	private static final String DEREGISTRATIONS = "/api/v1/deregistrations";

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@RegisterExtension
	final TopicReaderExtension topic = TopicReaderExtension.named("ucj.topics.participant-events");

	HttpTestClient api;

	@BeforeEach
	void connect() {
		this.api = new HttpTestClient(this.port, TestKeys.ENROLLER);
	}

	/**
	 * Every answer here comes after any publishing the request could have caused, so none
	 * is still on its way.
	 */
	@AfterEach
	void nothingReachedKafka() {
		assertThat(this.topic.countSinceMark()).as("records published").isZero();
	}

	static Stream<Arguments> invalidRegistrations() {
		return Stream.of(arguments("nik", with("nik", "150301550890000")),
				arguments("nik", with("nik", "15030155089000011")), arguments("nik", with("nik", "15030155O8900001")),
				arguments("nik", with("nik", "9903015508900001")), arguments("nik", with("nik", "1599015508900001")),
				arguments("nik", with("nik", "1503013208900001")), arguments("nik", with("nik", "1503017208900001")),
				arguments("nik", with("nik", "1503012902970001")), arguments("nik", with("nik", 1503015508900001L)),
				arguments("nik", without("nik")), arguments("fullName", with("fullName", "x".repeat(201))),
				arguments("regencyCode", with("regencyCode", "15.99")),
				arguments("regencyCode", with("regencyCode", "1503")),
				arguments("regencyCode", with("regencyCode", 15.03)), arguments("regencyCode", without("regencyCode")),
				arguments("segment", with("segment", "INFORMAL")), arguments("segment", with("segment", "bpu")),
				arguments("segment", with("segment", 1)), arguments("segment", without("segment")),
				arguments("programs", with("programs", List.of())),
				arguments("programs", with("programs", List.of("JKK", "JKK"))),
				arguments("programs[1]", with("programs", List.of("JKK", "JKN"))),
				arguments("programs", with("programs", "JKK")), arguments("programs", without("programs")),
				arguments("fundingSource", with("fundingSource", "APBN")),
				arguments("fundingSource", without("fundingSource")),
				arguments("registeredAt", with("registeredAt", TestClock.START.plus(1, ChronoUnit.DAYS).toString())),
				arguments("registeredAt", with("registeredAt", "1970-01-01T00:00:00Z")),
				arguments("registeredAt", with("registeredAt", "yesterday")),
				arguments("registeredAt", with("registeredAt", "2026-11-20")),
				arguments("registeredAt", without("registeredAt")),
				arguments("employer", with("employer", "PT Sawit")));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidRegistrations")
	void refusesAnInvalidRegistrationNamingTheField(String field, String body) {
		HttpResponse<String> response = this.api.post(REGISTRATIONS, body);

		assertProblem(response, 400, field);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidRegistrations")
	void rejectsTheSameInvalidItemInABatchWhileTheOthersAreNotPublishedForIt(String field, String body) {
		HttpResponse<String> response = this.api.post(BATCH, "{\"registrations\": [" + body + "]}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = this.json.readTree(response.body()).get("results").get(0);
		assertThat(result.get("status").asString()).isEqualTo("REJECTED");
		assertThat(result.get("errors").findValuesAsString("field")).contains(field);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(arguments(REGISTRATIONS, "{\"nik\": "), arguments(REGISTRATIONS, "not json"),
				arguments(REGISTRATIONS, ""), arguments(REGISTRATIONS, "[]"),
				arguments(REGISTRATIONS, Registrations.registration(Registrations.nik(9)) + " {}"),
				arguments(BATCH, "{\"registrations\": [{\"nik\": }]}"), arguments(DEREGISTRATIONS, "{,}"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("malformedBodies")
	void refusesMalformedJson(String path, String body) {
		HttpResponse<String> response = this.api.post(path, body);

		assertProblem(response, 400, "body");
	}

	static Stream<Arguments> invalidBatches() {
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(Registrations.registration(Registrations.nik(i)));
		}
		return Stream.of(arguments("registrations", "{\"registrations\": []}"), arguments("registrations", "{}"),
				arguments("registrations", "{\"registrations\": {}}"),
				arguments("registrations", "{\"registrations\": [" + String.join(",", tooMany) + "]}"),
				arguments("extra", "{\"registrations\": [" + Registrations.registration(Registrations.nik(1))
						+ "], \"extra\": 1}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBatches")
	void refusesABatchOfTheWrongShapeAsAWhole(String field, String body) {
		HttpResponse<String> response = this.api.post(BATCH, body);

		assertProblem(response, 400, field);
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		HttpResponse<String> response = this.api.post(REGISTRATIONS, """
				{"nik": "12", "regencyCode": "15.99", "segment": "INFORMAL", "programs": ["JKK", "JKN"],
				 "fundingSource": null, "registeredAt": "yesterday", "employer": "PT Sawit"}
				""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("employer", "fundingSource", "nik", "programs[1]", "regencyCode", "registeredAt",
					"segment");
	}

	@Test
	void rejectsAnItemThatIsNotAnObject() {
		HttpResponse<String> response = this.api.post(BATCH, "{\"registrations\": [42, null]}");

		JsonNode results = this.json.readTree(response.body()).get("results");
		assertThat(results).hasSize(2);
		assertThat(results.findValuesAsString("status")).containsExactly("REJECTED", "REJECTED");
	}

	static Stream<Arguments> invalidDeregistrations() {
		String valid = Registrations.deregistration(Registrations.nik(5));
		return Stream.of(arguments("nik", replace(valid, "nik", "1234")), arguments("nik", remove(valid, "nik")),
				arguments("reason", replace(valid, "reason", "MOVED")), arguments("reason", remove(valid, "reason")),
				arguments("deregisteredAt", replace(valid, "deregisteredAt", "2999-01-01T00:00:00Z")),
				arguments("deregisteredAt", remove(valid, "deregisteredAt")),
				arguments("regencyCode", replace(valid, "regencyCode", "1503")));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidDeregistrations")
	void refusesAnInvalidDeregistrationNamingTheField(String field, String body) {
		HttpResponse<String> response = this.api.post(DEREGISTRATIONS, body);

		assertProblem(response, 400, field);
	}

	@Test
	void refusesBodiesThatAreNotJson() {
		HttpResponse<String> response = this.api.post(REGISTRATIONS, "text/plain",
				HttpRequest.BodyPublishers.ofString(Registrations.registration(Registrations.nik(1))));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void refusesABodyOverTheSizeLimitWith413() {
		String huge = "{\"registrations\": [" + "\"" + "x".repeat(3 * 1024 * 1024) + "\"]}";

		HttpResponse<String> response = this.api.post(BATCH, huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void refusesAChunkedBodyThatGrowsOverTheSizeLimitWith413() {
		byte[] huge = ("{\"registrations\": [" + "\"" + "x".repeat(3 * 1024 * 1024) + "\"]}").getBytes();

		HttpResponse<String> response = this.api.post(BATCH, "application/json",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(413);
	}

	private void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}

	private static String with(String field, Object value) {
		ObjectNode registration = (ObjectNode) PLAIN.readTree(Registrations.registration(Registrations.nik(7)));
		registration.set(field, PLAIN.valueToTree(value));
		return registration.toString();
	}

	private static String without(String field) {
		return remove(Registrations.registration(Registrations.nik(7)), field);
	}

	private static String replace(String json, String field, String value) {
		ObjectNode node = (ObjectNode) PLAIN.readTree(json);
		node.put(field, value);
		return node.toString();
	}

	private static String remove(String json, String field) {
		ObjectNode node = (ObjectNode) PLAIN.readTree(json);
		node.remove(field);
		return node.toString();
	}

}
