package id.ucj.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * What every service's HTTP API accepts.
 *
 * @param maxRequestSize larger request bodies get 413 (the enrollment service, which
 * takes batches, raises it)
 */
@Validated
@ConfigurationProperties("ucj.http")
public record HttpSettings(@DefaultValue("64KB") @NotNull DataSize maxRequestSize) {
}
