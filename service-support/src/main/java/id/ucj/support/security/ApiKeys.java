package id.ucj.support.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.ucj.contract.ClientKey;

/**
 * The API keys a service accepts, by hash: those in configuration and those in the keys
 * file. The file is read again as soon as it changes, so that a key added while the
 * system runs works at once.
 */
final class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	private final Map<String, Client> configured;

	private final Path file;

	private volatile Loaded loaded = new Loaded(null, Map.of());

	ApiKeys(List<ClientKey> configured, Path file) {
		this.configured = byHash(configured);
		this.file = file;
	}

	Optional<Client> find(String key) {
		String hash = ClientKey.hash(key);
		Client client = this.configured.get(hash);
		return (client != null) ? Optional.of(client) : Optional.ofNullable(fromFile().get(hash));
	}

	private Map<String, Client> fromFile() {
		if (this.file == null) {
			return Map.of();
		}
		Object version = version();
		Loaded current = this.loaded;
		if (!Objects.equals(current.version(), version)) {
			synchronized (this) {
				current = this.loaded;
				if (!Objects.equals(current.version(), version)) {
					current = new Loaded(version, read());
					this.loaded = current;
				}
			}
		}
		return current.keys();
	}

	/**
	 * The file's identity, size and time of change: a new file moved into place changes
	 * at least one.
	 */
	private Object version() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			return List.of(String.valueOf(attributes.fileKey()), attributes.size(), attributes.lastModifiedTime());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Map<String, Client> read() {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file);
		}
		catch (NoSuchFileException ex) {
			return Map.of();
		}
		catch (IOException ex) {
			log.warn("Cannot read the keys file {}: {}; its keys are refused until it can be read", this.file,
					ex.toString());
			return Map.of();
		}
		List<ClientKey> keys = new java.util.ArrayList<>();
		for (int number = 1; number <= lines.size(); number++) {
			try {
				ClientKey key = ClientKey.parse(lines.get(number - 1));
				if (key != null) {
					keys.add(key);
				}
			}
			catch (IllegalArgumentException ex) {
				log.warn("Keys file {}, line {}: {}; that key is refused", this.file, number, ex.getMessage());
			}
		}
		log.info("Read {} API keys from {}", keys.size(), this.file);
		return byHash(keys);
	}

	private static Map<String, Client> byHash(List<ClientKey> keys) {
		Map<String, Client> clients = new HashMap<>();
		for (ClientKey key : keys) {
			clients.put(key.sha256(),
					new Client(key.client(), Role.of(key.role()), Set.copyOf(key.areas()), key.ratePerSecond()));
		}
		return Map.copyOf(clients);
	}

	private record Loaded(Object version, Map<String, Client> keys) {
	}

}
