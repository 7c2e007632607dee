package id.ucj.console.api;

import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import id.ucj.console.ConsoleSettings;
import id.ucj.console.security.ServiceTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * coverage-aggregator's and notification-service's APIs, called as the signed-in user:
 * the services apply the user's role and areas, so a list never holds what the user may
 * not see, and a regency outside their areas is a {@link Refused} 403.
 */
@Component
public class Services {

	private final RestClient aggregator;

	private final RestClient notifications;

	private final ServiceTokens tokens;

	private final JsonMapper json;

	Services(RestClient.Builder builder, ConsoleSettings settings, ServiceTokens tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
		this.aggregator = client(builder, settings.aggregatorUrl());
		this.notifications = client(builder, settings.notificationUrl());
	}

	private RestClient client(RestClient.Builder builder, URI base) {
		return builder.clone()
			.baseUrl(base.toString())
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.defaultStatusHandler((status) -> status.isError(), (request, response) -> {
				int code = response.getStatusCode().value();
				if (code >= 500) {
					throw new Unavailable(base.toString(), null);
				}
				throw refused(code, response.getBody().readAllBytes());
			})
			.build();
	}

	/** Every regency the user may see, or a province's. */
	public List<Coverage> coverage(Authentication user, String province) {
		return get(this.aggregator, user,
				(uri) -> uri.path("/api/v1/coverage")
					.queryParamIfPresent("province", java.util.Optional.ofNullable(province))
					.build(),
				new ParameterizedTypeReference<List<Coverage>>() {
				});
	}

	public Coverage regency(Authentication user, String code) {
		return get(this.aggregator, user, (uri) -> uri.path("/api/v1/coverage/{code}").build(code),
				new ParameterizedTypeReference<Coverage>() {
				});
	}

	public Forecast forecast(Authentication user, String code, int months) {
		return get(this.aggregator, user,
				(uri) -> uri.path("/api/v1/coverage/{code}/forecast").queryParam("months", months).build(code),
				new ParameterizedTypeReference<Forecast>() {
				});
	}

	public List<HistoryPoint> history(Authentication user, String code) {
		return get(this.aggregator, user, (uri) -> uri.path("/api/v1/coverage/{code}/history").build(code),
				new ParameterizedTypeReference<List<HistoryPoint>>() {
				});
	}

	/**
	 * The plan for {@code target} (a ratio) through {@code through}, with a budget in
	 * rupiah; each may be {@code null} for the API's default.
	 */
	public Plan plan(Authentication user, String code, Double target, YearMonth through, Long budget) {
		return get(this.aggregator, user,
				(uri) -> uri.path("/api/v1/coverage/{code}/plan")
					.queryParamIfPresent("target", java.util.Optional.ofNullable(target))
					.queryParamIfPresent("through", java.util.Optional.ofNullable(through))
					.queryParamIfPresent("budget", java.util.Optional.ofNullable(budget))
					.build(code),
				new ParameterizedTypeReference<Plan>() {
				});
	}

	/** Sets a regency's workforce and target (a ratio), as the signed-in admin. */
	public Coverage setTargets(Authentication user, String code, long workforce, double target) {
		try {
			return this.aggregator.put()
				.uri("/api/v1/regencies/{code}", code)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("workforce", workforce, "target", target))
				.retrieve()
				.body(Coverage.class);
		}
		catch (ResourceAccessException ex) {
			throw new Unavailable("coverage-aggregator", ex);
		}
		catch (org.springframework.web.client.RestClientException ex) {
			// An answer the console cannot read: the service is not what it expects.
			throw new Unavailable("coverage-aggregator", ex);
		}
	}

	/** A page of the alert log, filtered (each filter may be {@code null}). */
	public Alert.Page alerts(Authentication user, String regency, String province, String direction, int page,
			int size) {
		return get(this.notifications, user,
				(uri) -> uri.path("/api/v1/alerts")
					.queryParamIfPresent("regency", java.util.Optional.ofNullable(regency))
					.queryParamIfPresent("province", java.util.Optional.ofNullable(province))
					.queryParamIfPresent("direction", java.util.Optional.ofNullable(direction))
					.queryParam("page", page)
					.queryParam("size", size)
					.build(),
				new ParameterizedTypeReference<Alert.Page>() {
				});
	}

	private <T> T get(RestClient client, Authentication user, Function<UriBuilder, URI> uri,
			ParameterizedTypeReference<T> type) {
		try {
			return client.get()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.bearer(user))
				.retrieve()
				.body(type);
		}
		catch (ResourceAccessException ex) {
			throw new Unavailable((client == this.aggregator) ? "coverage-aggregator" : "notification-service", ex);
		}
		catch (org.springframework.web.client.RestClientException ex) {
			// An answer the console cannot read: the service is not what it expects.
			throw new Unavailable((client == this.aggregator) ? "coverage-aggregator" : "notification-service", ex);
		}
	}

	private Refused refused(int status, byte[] body) {
		String detail = null;
		List<Refused.FieldError> errors = new ArrayList<>();
		try {
			JsonNode problem = this.json.readTree(body);
			detail = problem.path("detail").asString(null);
			for (JsonNode error : problem.path("errors")) {
				errors
					.add(new Refused.FieldError(error.path("field").asString(""), error.path("message").asString("")));
			}
		}
		catch (RuntimeException ex) {
			// Not problem details: the status says enough.
		}
		return new Refused(status, detail, errors);
	}

}
