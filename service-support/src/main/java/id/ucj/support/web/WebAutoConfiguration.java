package id.ucj.support.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's shared rules: problem details for every refusal, a body-size limit,
 * strict JSON (a duplicate key is an error, not "last one wins") and UTF-8 query strings.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpSettings.class)
public class WebAutoConfiguration {

	@Bean
	ApiProblemHandler apiProblemHandler(HttpSettings settings, ObjectProvider<RequestRejections> rejections) {
		return new ApiProblemHandler(settings, rejections);
	}

	@Bean
	JsonMapperBuilderCustomizer ucjStrictJson() {
		return new StrictJson();
	}

	@Bean
	FilterRegistrationBean<QueryEncoding> queryEncoding(JsonMapper json) {
		FilterRegistrationBean<QueryEncoding> registration = new FilterRegistrationBean<>(new QueryEncoding(json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(HttpSettings settings, JsonMapper json,
			ObjectProvider<RequestRejections> rejections) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(settings, json, rejections));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
