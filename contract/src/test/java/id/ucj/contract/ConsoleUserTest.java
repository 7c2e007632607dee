package id.ucj.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsoleUserTest {

	private static final String HASH = "$2a$12$ilX7Jw4hd5uJUlrpB3583.xMuc8D3nXHpye7JmE5n6sL7GNcMMTqK";

	@Test
	void readsBackTheLineItWrites() {
		ConsoleUser user = new ConsoleUser("jambi-admin", HASH, "admin", List.of("15", "51.71"));

		assertThat(ConsoleUser.parse(user.line())).isEqualTo(user);
		assertThat(ConsoleUser.parse("  # a comment")).isNull();
		assertThat(ConsoleUser.parse("")).isNull();
	}

	@Test
	void refusesWhatIsNotAUser() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsoleUser("Budi Santoso", HASH, "admin", List.of("15")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsoleUser("budi", "plain-password", "admin", List.of("15")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleUser("budi", HASH, "enroller", List.of("15")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsoleUser("budi", HASH, "reader", List.of("Jambi")));
		assertThatIllegalArgumentException().isThrownBy(() -> ConsoleUser.parse("budi " + HASH + " reader"));
	}

}
