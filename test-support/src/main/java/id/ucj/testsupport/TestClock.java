package id.ucj.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock services run on in integration tests: it starts at {@link #START} and then
 * moves with elapsed time, so that time-outs and back-offs still pass while no outcome
 * depends on the hour, the day or the time zone of the machine that runs the test. A test
 * may move it ({@link #set}, {@link #advance}), for example across a month end.
 */
public final class TestClock extends Clock {

	/**
	 * Monday 14 October 2024, 22:00 WIB (15:00 UTC): outside Indonesian working hours, on
	 * purpose. Test data derive their times from it, never from the machine's clock.
	 */
	public static final Instant START = Instant.parse("2024-10-14T15:00:00Z");

	private Instant base;

	private long baseNanos;

	public TestClock() {
		this(START);
	}

	public TestClock(Instant start) {
		set(start);
	}

	@Override
	public synchronized Instant instant() {
		return this.base.plusNanos(System.nanoTime() - this.baseNanos);
	}

	/** From now on the clock reads {@code at}, and moves on from there. */
	public synchronized void set(Instant at) {
		this.base = at;
		this.baseNanos = System.nanoTime();
	}

	public synchronized void advance(Duration by) {
		set(instant().plus(by));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException(
				"Services read instants in UTC; zones are a domain decision, not the clock's");
	}

}
