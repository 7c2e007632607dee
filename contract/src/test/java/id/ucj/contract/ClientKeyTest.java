package id.ucj.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientKeyTest {

	@Test
	void generatesKeysOf256RandomBitsThatDifferEachTime() {
		String key = ClientKey.generate();

		assertThat(key).startsWith("ucj_").hasSize(4 + 43).isNotEqualTo(ClientKey.generate());
	}

	@Test
	void storesTheHashOfAKeyAndReadsItBack() {
		String hash = ClientKey.hash("ucj_example");
		ClientKey key = new ClientKey(hash, "sarolangun-app", "enroller", List.of("15.03", "15.04"), 5);

		assertThat(key.line()).isEqualTo(hash + " sarolangun-app enroller 15.03,15.04 5");
		assertThat(ClientKey.parse(key.line())).isEqualTo(key);
		assertThat(ClientKey.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void readsALineWithoutARateAndSkipsCommentsAndBlankLines() {
		String hash = ClientKey.hash("k");

		assertThat(ClientKey.parse(hash + "\tjambi-admin  admin 15").ratePerSecond()).isNull();
		assertThat(ClientKey.parse("# local keys")).isNull();
		assertThat(ClientKey.parse("   ")).isNull();
	}

	@Test
	void refusesUnknownRolesMalformedAreasAndClientIds() {
		String hash = ClientKey.hash("k");

		assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.parse(hash + " app superuser *"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.parse(hash + " app enroller 1503"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.parse(hash + " Budi\u00A0Santoso enroller 15"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.parse(hash + " app enroller 15 0"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientKey.parse("abc app enroller 15"));
	}

}
