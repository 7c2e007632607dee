package id.ucj.aggregator.counting;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import id.ucj.contract.FundingSource;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {

	private static final YearMonth MONTH = YearMonth.of(2026, 12);

	@Test
	void countersAreNamedAsStored() {
		assertThat(Counts.activeFrom(MONTH, Segment.BPU, FundingSource.APBD)).isEqualTo("active+@2026-12|BPU|APBD");
		assertThat(Counts.activeUntil(MONTH, Segment.PU, FundingSource.SELF)).isEqualTo("active-@2026-12|PU|SELF");
		assertThat(Counts.protectedFrom(MONTH)).isEqualTo("protected+@2026-12");
		assertThat(Counts.protectedUntil(MONTH)).isEqualTo("protected-@2026-12");
		assertThat(Counts.program(Program.JKK)).isEqualTo("program_JKK");
		assertThat(Counts.segment(Segment.BPU)).isEqualTo("segment_BPU");
		assertThat(Counts.funding(FundingSource.APBD)).isEqualTo("funding_APBD");
	}

	@Test
	void aMonthFarOutsideTheKeptYearsIsNamedTheSame() {
		assertThat(Counts.activeFrom(YearMonth.of(9999, 1), Segment.PMI, FundingSource.APBD))
			.isEqualTo("active+@9999-01|PMI|APBD");
		assertThat(Counts.protectedUntil(YearMonth.of(1, 2))).isEqualTo("protected-@0001-02");
	}

	@Test
	void aCounterThatAddsUpToZeroIsLeftOut() {
		Counts counts = new Counts().add(Counts.REGISTERED, 2).add(Counts.REGISTERED, -2).add(Counts.MOVED_IN, 0);

		assertThat(counts.isEmpty()).isTrue();
		assertThat(counts.asMap()).doesNotContainKey(Counts.REGISTERED).doesNotContainKey(Counts.MOVED_IN);
	}

	@Test
	void countsAddUp() {
		Counts counts = new Counts().add(Counts.REGISTERED, 1)
			.add(new Counts().add(Counts.REGISTERED, 2).add(Counts.MOVED_OUT, 1));

		assertThat(counts.get(Counts.REGISTERED)).isEqualTo(3);
		assertThat(counts.get(Counts.MOVED_OUT)).isEqualTo(1);
		assertThat(counts.get(Counts.MOVED_IN)).isZero();
	}

}
