package id.ucj.notification.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The channels configured on this instance; a new alert gets a pending delivery on each.
 */
@Component
public class Channels {

	private final List<AlertChannel> channels;

	Channels(List<AlertChannel> channels) {
		this.channels = List.copyOf(channels);
	}

	public List<String> names() {
		return this.channels.stream().map(AlertChannel::name).toList();
	}

	Optional<AlertChannel> named(String name) {
		return this.channels.stream().filter((channel) -> channel.name().equals(name)).findFirst();
	}

}
