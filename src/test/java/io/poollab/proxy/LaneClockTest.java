package io.poollab.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The arithmetic of delay, jitter, handshake and bandwidth, without sockets. */
class LaneClockTest {

    private static final long MS = 1_000_000;

    @Test
    void jitterStaysWithinItsBoundsAndNeverReordersBytes() {
        LaneClock clock = new LaneClock(5, 5, 0, 0, new SplittableRandom(42));
        SplittableRandom gaps = new SplittableRandom(7);
        long now = 0;
        long previous = Long.MIN_VALUE;
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 10_000; i++) {
            now += gaps.nextLong(0, 3 * MS);
            long arrival = clock.arrival(now, 100);
            long delay = arrival - now;
            assertThat(delay).as("delay of segment %d", i).isBetween(0L, 10 * MS);
            assertThat(arrival).as("arrival of segment %d", i).isGreaterThanOrEqualTo(previous);
            previous = arrival;
            shortest = Math.min(shortest, delay);
            longest = Math.max(longest, delay);
        }
        assertThat(longest - shortest).as("the jitter's spread").isGreaterThan(8 * MS);
    }

    @Test
    void withoutDelayBytesArriveTheMomentTheyAreRead() {
        LaneClock clock = new LaneClock(0, 0, 0, 0, new SplittableRandom(1));

        assertThat(clock.arrival(123 * MS, 65_536)).isEqualTo(123 * MS);
        assertThat(clock.arrival(124 * MS, 0)).isEqualTo(124 * MS);
    }

    @Test
    void theFirstBytesToTheServerWaitForTheHandshake() {
        // Accepted at 1 s with a 20 ms delay: the handshake ends one round trip later, the bytes arrive 20 ms after.
        LaneClock clock = new LaneClock(20, 0, 0, 1_000 * MS + 40 * MS, new SplittableRandom(1));

        assertThat(clock.arrival(1_000 * MS, 50)).isEqualTo(1_060 * MS);
        assertThat(clock.arrival(1_100 * MS, 50)).isEqualTo(1_120 * MS);
    }

    @Test
    void theCapSpacesBytesAtTheWireRate() {
        // 8 Mbit/s is one byte per microsecond: 1,000 segments of 1,000 bytes read at once take a second to send.
        LaneClock clock = new LaneClock(10, 0, 8, 0, new SplittableRandom(1));
        long last = 0;
        for (int i = 0; i < 1_000; i++) {
            last = clock.arrival(0, 1_000);
        }

        assertThat(last).isEqualTo(1_000 * MS + 10 * MS);
        assertThat(LaneClock.segmentBytes(8, 65_536)).isEqualTo(10_000);
        assertThat(LaneClock.segmentBytes(0, 65_536)).isEqualTo(65_536);
        assertThat(LaneClock.segmentBytes(0.1, 65_536)).isEqualTo(1_024);
    }
}
