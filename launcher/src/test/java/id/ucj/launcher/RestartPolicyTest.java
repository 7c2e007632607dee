package id.ucj.launcher;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

	private final RestartPolicy policy = RestartPolicy.DEFAULT;

	@Test
	void restartsAfterOneSecondWhenARunLasted() {
		assertThat(this.policy.after(3, Duration.ofMinutes(5)))
			.isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 0));
	}

	@Test
	void doublesTheDelayAfterEachShortRunInARow() {
		assertThat(this.policy.after(0, null)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
		assertThat(this.policy.after(1, Duration.ofSeconds(2)))
			.isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(2), 2));
		assertThat(this.policy.after(2, null)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(4), 3));
		assertThat(this.policy.after(3, Duration.ofMillis(9_999)))
			.isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(8), 4));
	}

	@Test
	void waitsNoLongerThanTheLongestDelay() {
		RestartPolicy patient = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10),
				100);
		assertThat(patient.after(5, null)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(30), 6));
		assertThat(patient.after(60, null)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(30), 61));
	}

	@Test
	void leavesTheProcessStoppedAfterFiveShortRunsInARow() {
		assertThat(this.policy.after(4, null)).isEqualTo(new RestartPolicy.GiveUp(5));
		assertThat(this.policy.after(4, Duration.ofSeconds(10)))
			.isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 0));
	}

}
