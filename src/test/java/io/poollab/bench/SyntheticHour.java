package io.poollab.bench;

import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The long run the UI benchmarks replay: one sample every 250 ms, as the sampler takes them, with rates, gauges and
 * wait percentiles and server session states that vary from sample to sample (so no chart point repeats the
 * previous one, and every plot has something to draw) and a resize every
 * 10 minutes that switches both pools between 4 and 8 connections. It stands in for a run no one wants to wait an
 * hour for; nothing it makes is shown as measured.
 */
final class SyntheticHour {

    static final long INTERVAL_MS = 250;
    static final int SAMPLES_PER_HOUR = (int) (3_600_000 / INTERVAL_MS);
    private static final int RESIZE_EVERY = (int) (600_000 / INTERVAL_MS);

    private final Random random;
    private int max = 4;

    SyntheticHour(long seed) {
        this.random = new Random(seed);
    }

    static long elapsedMs(int index) {
        return (index + 1) * INTERVAL_MS;
    }

    /** The resize that takes effect just before sample {@code index}, every 10 minutes after the first. */
    Optional<RunEvent> resizeBefore(int index) {
        if (index == 0 || index % RESIZE_EVERY != 0) {
            return Optional.empty();
        }
        int was = max;
        max = max == 4 ? 8 : 4;
        return Optional.of(new RunEvent(elapsedMs(index), RunEvent.Type.RESIZE, "source pool resized: "
                + "maximumPoolSize " + was + " → " + max + ", minimumIdle 4 → 4"));
    }

    /** Sample {@code index}, for the pools' current size. */
    RunSample sample(int index) {
        long elapsedMs = elapsedMs(index);
        return new RunSample(elapsedMs, elapsedMs * 40, elapsedMs * 4_000, 35_000 + random.nextGaussian() * 5_000, 6,
                side(), side());
    }

    private SideSample side() {
        int active = Math.min(max, 2 + random.nextInt(max));
        int pending = active == max ? random.nextInt(3) : 0;
        boolean borrowed = random.nextInt(4) == 0;
        double p50 = 0.02 + random.nextDouble() * 0.05;
        return new SideSample(active, max - active, pending, max, max, p50, p50 * 8, p50 * 30, p50 * 60,
                borrowed ? 1 + random.nextInt(20) : 0, 0, 0, max + 1, serverStates(max + 1));
    }

    /** The side's sessions spread over the wait buckets, as pg_stat_activity shows them at one instant. */
    private ServerWaits serverStates(int sessions) {
        long[] counts = new long[WaitBucket.values().length];
        for (int i = 0; i < sessions; i++) {
            counts[random.nextInt(counts.length)]++;
        }
        return ServerWaits.sampled(counts, Map.of());
    }
}
