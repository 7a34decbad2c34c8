package io.poollab.pool;

import org.HdrHistogram.Histogram;

/** Percentiles of one histogram, in milliseconds; all zero when nothing was recorded ({@code count == 0}). */
public record LatencyStats(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

    static LatencyStats ofNanos(Histogram histogram) {
        return of(histogram, 1e-6);
    }

    static LatencyStats ofMicros(Histogram histogram) {
        return of(histogram, 1e-3);
    }

    private static LatencyStats of(Histogram histogram, double toMs) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyStats(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) * toMs,
                histogram.getValueAtPercentile(95) * toMs,
                histogram.getValueAtPercentile(99) * toMs,
                histogram.getMaxValue() * toMs,
                histogram.getMean() * toMs);
    }
}
