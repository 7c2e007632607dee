package id.ucj.launcher;

import java.util.List;
import java.util.concurrent.Callable;

import id.ucj.contract.ConsoleUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Local users of the web console: add one (or give one a new password), or list them.
 * Safe while the system runs; never starts it.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
		subcommands = { UsersCommand.Add.class, UsersCommand.ListUsers.class },
		description = "Manages the web console's local users under the data directory (UCJ_DATA_DIR, default var).")
final class UsersCommand {

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Adds a user (or gives an existing one a new password, role and areas) and prints the "
					+ "password as the last line; only its bcrypt hash is stored. The running console accepts it at once.")
	static final class Add implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--login", required = true,
				description = "how the user signs in, e.g. jambi-admin (lowercase; never a person's name: "
						+ "changes they make record it)")
		String login;

		@Option(names = "--role", required = true, description = "admin (sets workforce and targets) or reader")
		String role;

		@Option(names = "--areas", required = true, split = ",",
				description = "province codes (15), regency codes (15.03) or * for all, comma-separated")
		List<String> areas;

		@Override
		public Integer call() throws Exception {
			String password = UsersFile.generatePassword();
			ConsoleUser user;
			try {
				user = new ConsoleUser(this.login, UsersFile.hash(password), this.role, this.areas);
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			java.nio.file.Path dataDir = LauncherSettings.dataDirFromEnvironment();
			// The console's signing key too, so that a data directory made for compose or
			// Kubernetes has it.
			ConsoleAccess.prepare(dataDir);
			UsersFile file = UsersFile.in(dataDir);
			boolean added = file.put(user);
			System.out.printf("%s console user %s (role %s, areas %s) in %s; the running console accepts it at once.%n",
					added ? "Added" : "Replaced the password, role and areas of", user.login(), user.role(),
					String.join(",", user.areas()), file.path().toAbsolutePath());
			System.out.println("The password is shown only now:");
			System.out.println(password);
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the console's users (never their passwords).")
	static final class ListUsers implements Callable<Integer> {

		@Override
		public Integer call() throws Exception {
			for (ConsoleUser user : UsersFile.in(LauncherSettings.dataDirFromEnvironment()).read()) {
				System.out.printf("%-32s %-7s %s%n", user.login(), user.role(), String.join(",", user.areas()));
			}
			return 0;
		}

	}

}
