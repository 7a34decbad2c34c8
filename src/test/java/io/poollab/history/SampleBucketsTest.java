package io.poollab.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleBucketsTest {

    @Test
    void theFirstHourIsKeptAsTakenAndLaterSamplesBecomeOneRowPerSecond() {
        SampleBuckets buckets = new SampleBuckets();
        List<SampleBuckets.Stored> stored = new ArrayList<>();
        for (long t = 3_599_000; t <= 3_602_000; t += 250) {
            stored.addAll(buckets.accept(sample(t, (int) (t % 1000 / 250), t / 250)));
        }
        stored.addAll(buckets.flush());

        // 3,599,000 .. 3,599,750 as taken (4 rows), then the seconds starting at 3,600,000, 3,601,000 and 3,602,000.
        assertThat(stored).extracting(s -> s.sample().elapsedMs())
                .containsExactly(3_599_000L, 3_599_250L, 3_599_500L, 3_599_750L, 3_600_000L, 3_601_000L, 3_602_000L);
        assertThat(stored).extracting(SampleBuckets.Stored::bucketMs).containsExactly(0, 0, 0, 0, 1000, 1000, 1000);
        SampleBuckets.Stored second = stored.get(4);
        // Peaks of what spikes, last value of levels, sums of counts, mean rate.
        assertThat(second.sample().source().active()).isEqualTo(3);
        assertThat(second.sample().source().pending()).isEqualTo(3);
        assertThat(second.sample().source().acquireP95Ms()).isEqualTo(3.0);
        assertThat(second.sample().source().idle()).isEqualTo(3);
        assertThat(second.sample().source().borrows()).isEqualTo(10 * 4);
        assertThat(second.sample().rows()).isEqualTo(3_600_750 / 250);
        assertThat(second.sample().rowsPerSecond()).isEqualTo(1.5);
        assertThat(second.sample().source().timeouts()).isEqualTo(3_600_750 / 250);
    }

    /** {@code level} 0..3 within each second: active, pending, p95 and rate follow it, so peaks and means show. */
    private static RunSample sample(long elapsedMs, int level, long total) {
        SideSample side = new SideSample(level, level, level, 4, 4, 0.1, level, level, level, 10, total, 0, level);
        return new RunSample(elapsedMs, total, total * 100, level, 2, side, side);
    }
}
