package id.ucj.support.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client (Bucket4j): its key's own rate, or the default rate with its
 * burst. Over it, 429 with {@code Retry-After}; a client that waits as told gets through.
 */
final class RateLimits extends OncePerRequestFilter {

	private final SecuritySettings.RateLimit defaults;

	private final SecurityProblems problems;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimits(SecuritySettings.RateLimit defaults, SecurityProblems problems) {
		this.defaults = defaults;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ClientAuthentication client) {
			int rate = rate(client.getPrincipal());
			ConsumptionProbe probe = bucket(client.getPrincipal(), rate).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				long seconds = Math.max(1,
						TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
				this.problems.tooManyRequests(request, response, seconds, rate);
				return;
			}
			response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		}
		chain.doFilter(request, response);
	}

	private int rate(Client client) {
		return (client.ratePerSecond() != null) ? client.ratePerSecond() : this.defaults.perSecond();
	}

	private Bucket bucket(Client client, int rate) {
		int capacity = (client.ratePerSecond() != null) ? rate : Math.max(rate, this.defaults.burst());
		return this.buckets.computeIfAbsent(client.id() + "/" + rate + "/" + capacity,
				(key) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(rate, Duration.ofSeconds(1)).build())
					.build());
	}

}
