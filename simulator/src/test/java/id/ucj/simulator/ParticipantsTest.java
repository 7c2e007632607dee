package id.ucj.simulator;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.ucj.contract.Regency;
import id.ucj.contract.Regions;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantsTest {

	final Regency sarolangun = Regions.official().regency("15.03").orElseThrow();

	@Test
	void makesTheSameParticipantsForTheSameSeed() {
		assertThat(Participants.sarolangun(2024, 17, this.sarolangun))
			.isEqualTo(Participants.sarolangun(2024, 17, this.sarolangun));
		assertThat(Participants.sarolangun(2025, 17, this.sarolangun).nik())
			.isNotEqualTo(Participants.sarolangun(2024, 17, this.sarolangun).nik());
	}

	@Test
	void givesEveryParticipantAUniqueNikThatFollowsTheRules() {
		Set<String> niks = new HashSet<>();
		for (int index = 0; index < SarolangunCommand.CAMPAIGN; index++) {
			String nik = Participants.sarolangun(2024, index, this.sarolangun).nik();
			assertThat(nik).hasSize(16).startsWith("1503").containsOnlyDigits();
			int day = Integer.parseInt(nik.substring(6, 8));
			assertThat(day % 40).isBetween(1, 28);
			assertThat(Integer.parseInt(nik.substring(8, 10))).isBetween(1, 12);
			niks.add(nik);
		}
		assertThat(niks).hasSize(SarolangunCommand.CAMPAIGN);
	}

}
