package id.ucj.support.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import id.ucj.contract.ClientKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * One security filter chain for every service: stateless, bearer credentials only (an API
 * key or, when an issuer is configured, a JWT), health open, metrics for readers, the
 * service's own routes ({@link ApiAccess}), nothing else; a rate limit per client; every
 * refusal as problem details.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class ApiSecurityAutoConfiguration {

	@Bean
	ApiKeyAuthentication apiKeyAuthentication(SecuritySettings settings) {
		List<ClientKey> configured = settings.apiKeys().stream().map(SecuritySettings.Key::clientKey).toList();
		java.nio.file.Path file = settings.keysFile();
		return new ApiKeyAuthentication(
				new ApiKeys(configured, (file == null || file.toString().isEmpty()) ? null : file));
	}

	@Bean
	SecurityProblems securityProblems(JsonMapper json) {
		return new SecurityProblems(json);
	}

	@Bean
	SecurityFilterChain ucjApiSecurity(HttpSecurity http, SecuritySettings settings, ApiKeyAuthentication apiKeys,
			ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<ApiAccess> routes, SecurityProblems problems)
			throws Exception {
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(apiKeys));
		jwtDecoder
			.ifAvailable((decoder) -> providers.add(new JwtAuthentication(decoder, new JwtClients(settings.jwt()))));
		ProviderManager credentials = new ProviderManager(providers);
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.oauth2ResourceServer((bearer) -> bearer.authenticationManagerResolver((request) -> credentials)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(new RateLimits(settings.rateLimit(), problems), BearerTokenAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
				// Served only where springdoc is enabled (the local run); a 404
				// everywhere else.
				requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll();
				requests.requestMatchers("/actuator/prometheus").hasRole(Role.READER.name());
				routes.orderedStream().forEach((access) -> access.authorize(requests));
				requests.anyRequest().denyAll();
			})
			.build();
	}

}
