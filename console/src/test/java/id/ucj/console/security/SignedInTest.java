package id.ucj.console.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInTest {

	@Test
	void aUserSeesTheirRegenciesTheirProvincesAndNothingElse() {
		SignedIn jambi = new SignedIn("jambi-admin", "admin", Set.of("15"));
		SignedIn sarolangun = new SignedIn("sarolangun", "reader", Set.of("15.03"));
		SignedIn national = new SignedIn("admin", "admin", Set.of("*"));

		assertThat(jambi.maySee("15.03")).isTrue();
		assertThat(jambi.maySee("51.71")).isFalse();
		assertThat(sarolangun.maySee("15.03")).isTrue();
		assertThat(sarolangun.maySee("15.01")).isFalse();
		assertThat(sarolangun.maySeeProvince("15")).isTrue();
		assertThat(sarolangun.maySeeProvince("51")).isFalse();
		assertThat(jambi.maySeeProvince("1")).isFalse();
		assertThat(national.maySeeProvince("51")).isTrue();
		assertThat(sarolangun.isAdmin()).isFalse();
	}

	@Test
	void readsAreasFromAListOrAString() {
		assertThat(SignedIn.areasOf(java.util.List.of("15", "51.71"))).containsExactlyInAnyOrder("15", "51.71");
		assertThat(SignedIn.areasOf("15 51.71,52")).containsExactlyInAnyOrder("15", "51.71", "52");
		assertThat(SignedIn.areasOf(null)).isEmpty();
	}

}
