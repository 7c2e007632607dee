package id.ucj.support.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that is not percent-encoded UTF-8 with the API's 400, naming
 * {@code query}, before the servlet container parses it its own way (an HTML 400, or
 * parameters silently dropped).
 */
class QueryEncoding extends OncePerRequestFilter {

	private final JsonMapper json;

	QueryEncoding(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !isUtf8(query)) {
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), Problems
				.invalid(List.of(new FieldProblem("query", "must be percent-encoded UTF-8 without control characters")))
				.getBody());
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isUtf8(String query) {
		ByteBuffer bytes = ByteBuffer.allocate(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
						|| Character.digit(query.charAt(i + 2), 16) < 0) {
					return false;
				}
				int b = Integer.parseInt(query.substring(i + 1, i + 3), 16);
				if (b < 0x20 || b == 0x7F) {
					return false;
				}
				bytes.put((byte) b);
				i += 2;
			}
			else if (c > 0x7E || c < 0x20) {
				return false;
			}
			else {
				bytes.put((byte) c);
			}
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
