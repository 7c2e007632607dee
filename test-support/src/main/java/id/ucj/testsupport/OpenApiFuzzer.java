package id.ucj.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends generated and mutated requests to every operation and parameter that a service's
 * own OpenAPI document ({@code /v3/api-docs}) names: odd path and query values, random
 * and malformed JSON, huge numbers, deep nesting, duplicate keys, invalid UTF-8, wrong
 * content types, oversized bodies and 1,001-item batches, each with a key whose role may
 * call the operation; and each operation with no, malformed, unknown and JWT-shaped
 * credentials. It reports every answer that breaks the API's promise: a 5xx, a connection
 * the server broke, an invalid body accepted, or a request without a valid credential
 * answered with anything but 401 and {@code WWW-Authenticate}.
 */
public final class OpenApiFuzzer {

	private static final List<String> ODD_VALUES = List.of("", "-1", "0", "1", "200", "201", "1000", "2147483648",
			"-2147483649", "99999999999999999999999", "1e309", "NaN", "1.5", "abc", "%FF", "%00", "%C3%28", "..",
			"15.03", "99.99", "15", "*", "REACHED", "reached", "%5B%5D", "a".repeat(5000), "%E2%80%AE");

	/**
	 * How many times a request is sent when the connection breaks before an answer. A
	 * server may answer an oversized request early and close the connection while the
	 * body is still being sent, and the client can then lose the answer to the reset (or
	 * find a pooled connection closed under it): a field app sends again, and so does
	 * this. A server that drops the connection every time is a finding.
	 */
	private static final int ATTEMPTS = 3;

	private final HttpClient http = newClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final Random random;

	private final List<String> findings = new ArrayList<>();

	private final List<String> keys;

	private String key;

	private int requests;

	/** Fuzzes with whichever of these API keys may call each operation. */
	public OpenApiFuzzer(int port, long seed, List<String> keys) {
		this.base = "http://127.0.0.1:" + port;
		this.random = new Random(seed);
		this.keys = keys;
	}

	/**
	 * Fuzzes every operation of the service's OpenAPI document; returns what went wrong,
	 * empty if nothing did.
	 */
	public List<String> fuzz() {
		JsonNode api = this.json.readTree(send("GET", "/v3/api-docs", null, null).body());
		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				fuzz(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
			}
		}
		if (this.requests == 0) {
			this.findings.add("The OpenAPI document names no operation");
		}
		return this.findings;
	}

	public int requests() {
		return this.requests;
	}

	private void fuzz(String method, String template, JsonNode operation) {
		List<String> pathParameters = new ArrayList<>();
		List<String> queryParameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			("path".equals(parameter.path("in").asString()) ? pathParameters : queryParameters)
				.add(parameter.path("name").asString());
		}
		String usual = fill(template, pathParameters, "15.03");
		checkRefusedWithoutAValidCredential(method, usual, body(operation));
		this.key = keyThatMayCall(method, usual, body(operation));
		if (this.key == null) {
			this.findings.add(method + " " + template + ": none of the keys may call it");
			return;
		}
		for (String parameter : pathParameters) {
			for (String value : ODD_VALUES) {
				check(method, fill(template, List.of(parameter), value).replaceAll("\\{[^}]+}", "15.03"),
						body(operation), "application/json", false);
			}
		}
		for (String parameter : queryParameters) {
			for (String value : ODD_VALUES) {
				check(method, usual + "?" + parameter + "=" + value, body(operation), "application/json", false);
			}
			check(method, usual + "?" + parameter + "=1&" + parameter + "=2", body(operation), "application/json",
					false);
		}
		if (operation.has("requestBody")) {
			for (byte[] invalid : invalidBodies(template)) {
				check(method, usual, invalid, "application/json", true);
			}
			byte[] sample = body(operation);
			for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x", "application/json; charset=latin1", "")) {
				check(method, usual, sample, type, false);
			}
			check(method, usual, new byte[10 * 1024 * 1024], "application/json", true);
		}
		else if (!"GET".equals(method)) {
			check(method, usual, null, null, false);
		}
	}

	private void checkRefusedWithoutAValidCredential(String method, String path, byte[] body) {
		for (String credential : java.util.Arrays.asList(null, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz",
				"Bearer ucj_unknown", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer a.b.c",
				"Bearer " + "x".repeat(4000), "bearer  \u00e9")) {
			this.key = null;
			HttpResponse<String> response;
			try {
				response = send(method, path, body, "application/json", credential);
			}
			catch (IllegalArgumentException ex) {
				continue; // Not a header a client can send.
			}
			catch (IllegalStateException ex) {
				this.findings.add(method + " " + path + " with Authorization [" + abbreviate(String.valueOf(credential))
						+ "]: " + ex.getMessage());
				continue;
			}
			if (response.statusCode() != 401 || response.headers().firstValue("WWW-Authenticate").isEmpty()
					|| !response.headers()
						.firstValue("Content-Type")
						.orElse("")
						.startsWith("application/problem+json")) {
				this.findings.add(method + " " + path + " with Authorization [" + abbreviate(String.valueOf(credential))
						+ "]: " + response.statusCode() + " " + abbreviate(response.body()));
			}
		}
	}

	private String keyThatMayCall(String method, String path, byte[] body) {
		for (String candidate : this.keys) {
			HttpResponse<String> response = send(method, path, body, "application/json", "Bearer " + candidate);
			if (response.statusCode() != 401 && response.statusCode() != 403) {
				return candidate;
			}
		}
		return null;
	}

	private byte[] body(JsonNode operation) {
		return operation.has("requestBody") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
	}

	private List<byte[]> invalidBodies(String template) {
		List<String> bodies = new ArrayList<>(List.of("", "{", "}", "null", "[]", "\"text\"", "42", "true", "{\"a\":}",
				"{'single': 'quotes'}", "{\"x\": 1} trailing", "1" + "0".repeat(5000),
				"{\"n\": 1" + "0".repeat(5000) + "}", "{\"n\": 1e999999999}", "[".repeat(100_000) + "]".repeat(100_000),
				"{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
				"{\"registrations\": [], \"registrations\": [], \"contributions\": []}",
				"{\"workforce\": 10, \"workforce\": 20, \"target\": 0.5, \"target\": 0.6}",
				"{\"s\": \"" + "x".repeat(3_000_000) + "\"}"));
		String item = "{\"nik\": \"1503015508900001\", \"regencyCode\": \"15.03\"}";
		for (String key : List.of("registrations", "contributions")) {
			bodies.add("{\"" + key + "\": [" + String.join(",", Collections.nCopies(1001, item)) + "]}");
		}
		for (int i = 0; i < 40; i++) {
			bodies.add(randomJson(0).toString());
		}
		List<byte[]> bytes = new ArrayList<>();
		bodies.forEach((body) -> bytes.add(body.getBytes(StandardCharsets.UTF_8)));
		bytes.add(new byte[] { '{', '"', 'n', 'i', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
		bytes.add(new byte[] { (byte) 0xFF, (byte) 0xFE, '{', '}' });
		return bytes;
	}

	/**
	 * Random JSON that is never a valid request: its top level is an object of random
	 * names and values.
	 */
	private Object randomJson(int depth) {
		StringBuilder object = new StringBuilder("{");
		int fields = this.random.nextInt(4) + 1;
		for (int i = 0; i < fields; i++) {
			object.append(i > 0 ? "," : "").append('"').append("f").append(this.random.nextInt(1000)).append("\":");
			object.append(switch (this.random.nextInt(6)) {
				case 0 -> Long.toString(this.random.nextLong());
				case 1 -> "\"" + Integer.toHexString(this.random.nextInt()) + "\"";
				case 2 -> "[1, \"two\", null]";
				case 3 -> "null";
				case 4 -> (depth < 3) ? randomJson(depth + 1).toString() : "{}";
				default -> Double.toString(this.random.nextDouble() * 1e300);
			});
		}
		return object.append('}');
	}

	/**
	 * Tomcat refuses a path with an encoded NUL or invalid UTF-8 (400) before any
	 * application code runs.
	 */
	private static boolean refusedByTheContainer(String path) {
		return path.split("\\?", 2)[0].matches(".*%(00|FF|C3%28).*");
	}

	private static String fill(String template, List<String> parameters, String value) {
		String path = template;
		for (String parameter : parameters) {
			path = path.replace("{" + parameter + "}", value);
		}
		return path;
	}

	private void check(String method, String path, byte[] body, String contentType, boolean invalid) {
		String what = method + " " + abbreviate(path) + " [" + contentType + ", "
				+ ((body != null) ? abbreviate(new String(body, StandardCharsets.UTF_8)) : "no body") + "]";
		HttpResponse<String> response;
		try {
			response = send(method, path, body, contentType);
		}
		catch (IllegalArgumentException ex) {
			return; // Not a request a client can send: the URI itself is malformed.
		}
		catch (IllegalStateException ex) {
			this.findings.add(what + ": " + ex.getMessage());
			return;
		}
		if (response.statusCode() >= 500) {
			this.findings.add(what + ": " + response.statusCode() + " " + abbreviate(response.body()));
		}
		else if (invalid && response.statusCode() < 400) {
			this.findings.add(what + ": accepted with " + response.statusCode());
		}
		else if (response.statusCode() >= 400
				&& !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
				&& !refusedByTheContainer(path)) {
			this.findings.add(what + ": " + response.statusCode() + " without problem+json");
		}
	}

	private HttpResponse<String> send(String method, String path, byte[] body, String contentType) {
		return send(method, path, body, contentType, (this.key != null) ? "Bearer " + this.key : null);
	}

	private HttpResponse<String> send(String method, String path, byte[] body, String contentType,
			String authorization) {
		this.requests++;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (contentType != null && !contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
		IOException broken = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// After a broken connection, a new client: nothing pooled from before.
			HttpClient client = (attempt == 0) ? this.http : newClient();
			try {
				return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				broken = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(
				"the connection broke instead of an answer, " + ATTEMPTS + " times (" + broken + ")", broken);
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 120) ? flat.substring(0, 120) + "..." : flat;
	}

}
