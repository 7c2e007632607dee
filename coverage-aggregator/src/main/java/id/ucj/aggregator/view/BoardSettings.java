package id.ucj.aggregator.view;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How an instance keeps its coverage gauges whole.
 *
 * @param refresh how often the regencies that other instances count are reloaded from
 * MongoDB into this instance's gauges
 */
@Validated
@ConfigurationProperties("ucj.board")
record BoardSettings(@DefaultValue("15s") @NotNull Duration refresh) {
}
