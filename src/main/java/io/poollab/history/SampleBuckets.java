package io.poollab.history;

import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention rule: samples of a run's first hour are kept as taken; after that, one row per second. A bucket
 * keeps the peaks of what spikes (active, pending, wait percentiles, sessions), the last value of levels (idle,
 * total, max, rows, bytes, workers and the running totals of timeouts and errors), the sum of borrows
 * and the mean rate. Server waits are a level too: the bucket keeps its last sample's.
 */
final class SampleBuckets {

    static final long FULL_RESOLUTION_MS = 3_600_000;
    static final int BUCKET_MS = 1_000;

    /** A sample as stored, with the width of the bucket it stands for (0: as taken). */
    record Stored(RunSample sample, int bucketMs) {
    }

    private final List<RunSample> bucket = new ArrayList<>();
    private long bucketStart = -1;

    /** The rows to store now for one more sample (none while a bucket fills). */
    List<Stored> accept(RunSample sample) {
        if (sample.elapsedMs() < FULL_RESOLUTION_MS) {
            return List.of(new Stored(sample, 0));
        }
        long start = sample.elapsedMs() / BUCKET_MS * BUCKET_MS;
        List<Stored> out = new ArrayList<>(1);
        if (bucketStart >= 0 && start != bucketStart) {
            out.addAll(flush());
        }
        bucketStart = start;
        bucket.add(sample);
        return out;
    }

    /** The partial bucket, at the end of a run. */
    List<Stored> flush() {
        if (bucket.isEmpty()) {
            return List.of();
        }
        RunSample last = bucket.get(bucket.size() - 1);
        double meanRate = bucket.stream().mapToDouble(RunSample::rowsPerSecond).average().orElse(0);
        RunSample merged = new RunSample(bucketStart, last.rows(), last.bytes(), meanRate, last.workers(),
                merge(bucket.stream().map(RunSample::source).toList()),
                merge(bucket.stream().map(RunSample::target).toList()));
        bucket.clear();
        bucketStart = -1;
        return List.of(new Stored(merged, BUCKET_MS));
    }

    private static SideSample merge(List<SideSample> sides) {
        SideSample last = sides.get(sides.size() - 1);
        return new SideSample(
                sides.stream().mapToInt(SideSample::active).max().orElse(0),
                last.idle(),
                sides.stream().mapToInt(SideSample::pending).max().orElse(0),
                last.total(),
                last.max(),
                sides.stream().mapToDouble(SideSample::acquireP50Ms).max().orElse(0),
                sides.stream().mapToDouble(SideSample::acquireP95Ms).max().orElse(0),
                sides.stream().mapToDouble(SideSample::acquireP99Ms).max().orElse(0),
                sides.stream().mapToDouble(SideSample::acquireMaxMs).max().orElse(0),
                sides.stream().mapToLong(SideSample::borrows).sum(),
                last.timeouts(),
                last.errors(),
                sides.stream().mapToInt(SideSample::dbSessions).max().orElse(-1),
                last.waits());
    }
}
