package io.poollab.demo;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The repeats of one variant together: means of what they measured, and their spread, which is this machine's
 * noise for that variant. Only the runs that succeeded count.
 */
public record VariantStats(String variant, List<MeasuredStep> steps) {

    public VariantStats {
        steps = List.copyOf(steps);
    }

    public List<MeasuredStep> succeeded() {
        return steps.stream().filter(MeasuredStep::succeeded).toList();
    }

    public boolean measured() {
        return !succeeded().isEmpty();
    }

    public double meanRowsPerSecond() {
        return mean(MeasuredStep::rowsPerSecond);
    }

    public double meanWallSeconds() {
        return mean(MeasuredStep::wallSeconds);
    }

    public double meanCopySeconds() {
        return mean(MeasuredStep::copySeconds);
    }

    public double meanP95WaitMs() {
        return mean(MeasuredStep::p95WaitMs);
    }

    public double meanConnectionsOpened() {
        return mean(s -> s.connectionsOpened());
    }

    public int peakOpen() {
        return succeeded().stream().mapToInt(MeasuredStep::peakOpen).max().orElse(0);
    }

    /** The workers' time share spent acquiring, summed over the repeats. */
    public double acquireShare() {
        long acquire = succeeded().stream().mapToLong(s -> s.time().acquireMs()).sum();
        long total = succeeded().stream().mapToLong(s -> s.time().totalMs()).sum();
        return total == 0 ? Double.NaN : (double) acquire / total;
    }

    /**
     * How far the repeats' rows/s spread: (fastest − slowest) / mean. NaN with fewer than two succeeded runs, when
     * the noise is not measured.
     */
    public double rateSpread() {
        return spread(MeasuredStep::rowsPerSecond);
    }

    /** The same for the wall time. */
    public double wallSpread() {
        return spread(MeasuredStep::wallSeconds);
    }

    /** The first failed run's reason, or null. */
    public String firstError() {
        return steps.stream().filter(s -> !s.succeeded()).map(s -> s.status().id()
                + (s.error() == null ? "" : ": " + s.error())).findFirst().orElse(null);
    }

    private double mean(ToDoubleFunction<MeasuredStep> f) {
        return succeeded().stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private double spread(ToDoubleFunction<MeasuredStep> f) {
        return io.poollab.analysis.Effect.spread(succeeded().stream().map(s -> f.applyAsDouble(s)).toList());
    }
}
