package id.ucj.support.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 400 (a URL the firewall refuses), 401, 403 and 429 as the API's other refusals: problem
 * details. A 401 also says how to authenticate ({@code WWW-Authenticate: Bearer}, with
 * the reason a credential was refused).
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		boolean presented = request.getHeader("Authorization") != null;
		write(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", presented
				? "The credential was refused; present a valid API key or token as 'Authorization: Bearer <credential>'."
				: "Present an API key or token as 'Authorization: Bearer <credential>'.", request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Forbidden", "This client's role does not allow this request.", request);
	}

	/**
	 * A URL the firewall refuses (path traversal, encoded slashes, control characters):
	 * 400, as problem details.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(response, HttpStatus.BAD_REQUEST, "Invalid request",
				"The request's URL is not allowed (path traversal, encoded separators or control characters).",
				request);
	}

	void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, int rate)
			throws IOException {
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "This client may send " + rate
				+ " requests per second; retry after " + retryAfterSeconds + " s (Retry-After).", request);
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail,
			HttpServletRequest request) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
