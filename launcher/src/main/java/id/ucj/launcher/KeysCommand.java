package id.ucj.launcher;

import java.util.List;
import java.util.concurrent.Callable;

import id.ucj.contract.ClientKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * API keys of the local run: add one, or list who has one. Safe while the system runs;
 * never starts it.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
		subcommands = { KeysCommand.Add.class, KeysCommand.ListKeys.class },
		description = "Manages the API keys under the data directory (UCJ_DATA_DIR, default var).")
final class KeysCommand {

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Adds a key and prints it as the last line; only its hash is stored. The running services accept it at once.")
	static final class Add implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--client", required = true,
				description = "who uses it, e.g. sarolangun-field-app (never a person's name)")
		String client;

		@Option(names = "--role", required = true, description = "enroller, admin or reader")
		String role;

		@Option(names = "--areas", required = true, split = ",",
				description = "province codes (15), regency codes (15.03) or * for all, comma-separated")
		List<String> areas;

		@Option(names = "--rate", description = "requests per second for this key (default: the services' default)")
		Integer rate;

		@Override
		public Integer call() throws Exception {
			if (this.client.startsWith(KeysFile.LOCAL_CLIENT_PREFIX)) {
				throw new ParameterException(this.spec.commandLine(),
						"Client ids starting with 'local-' belong to the launcher");
			}
			String key = ClientKey.generate();
			ClientKey stored;
			try {
				stored = new ClientKey(ClientKey.hash(key), this.client, this.role, this.areas, this.rate);
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			KeysFile file = KeysFile.in(LauncherSettings.dataDirFromEnvironment());
			file.add(stored);
			System.out.printf(
					"Added a key for client %s (role %s, areas %s%s) to %s; running services accept it at once.%n",
					stored.client(), stored.role(), String.join(",", stored.areas()),
					(stored.ratePerSecond() != null) ? ", " + stored.ratePerSecond() + " requests per second" : "",
					file.path().toAbsolutePath());
			System.out.println("It is shown only now; store it where the client keeps secrets:");
			System.out.println(key);
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the clients that have keys (never the keys).")
	static final class ListKeys implements Callable<Integer> {

		@Override
		public Integer call() throws Exception {
			for (ClientKey key : KeysFile.in(LauncherSettings.dataDirFromEnvironment()).read()) {
				System.out.printf("%-32s %-9s %-20s %s%n", key.client(), key.role(), String.join(",", key.areas()),
						(key.ratePerSecond() != null) ? key.ratePerSecond() + "/s" : "default rate");
			}
			return 0;
		}

	}

}
