package io.poollab.analysis;

import java.util.List;

/**
 * One experiment of a diagnosis measured over its repeats: what the verdict is computed from.
 *
 * @param id        {@code given}, {@code unpooled}, {@code single-worker}, {@code shared-sized}, {@code per-worker}
 *                  or {@code shared}
 * @param setup     its settings in words ("4 workers, shared pool of 4")
 * @param runIds    every run of it, in the order they ran
 * @param rates     rows/s of each run that succeeded
 * @param failures  why the others did not, one line each
 * @param rows      rows moved by each succeeded run (the same data size for every experiment)
 * @param waits     the server waits, client usage and acquire share summed over its succeeded runs
 */
public record Experiment(String id, String setup, int workers, String poolMode, List<Long> runIds,
                         List<Double> rates, List<String> failures, List<Long> rows, WaitSummary waits) {

    public Experiment {
        runIds = List.copyOf(runIds);
        rates = List.copyOf(rates);
        failures = List.copyOf(failures);
        rows = List.copyOf(rows);
    }

    public boolean measured() {
        return !rates.isEmpty();
    }

    public double meanRowsPerSecond() {
        return rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The spread of its repeats' rows/s, this machine's noise for it; NaN with fewer than two. */
    public double spread() {
        return Effect.spread(rates);
    }

    public double rowsPerSecondPerWorker() {
        return meanRowsPerSecond() / Math.max(1, workers);
    }

    /** The change of {@code other}'s rows/s against this one's, against the noise of both. */
    public Effect effectOf(Experiment other) {
        return Effect.between(meanRowsPerSecond(), spread(), other.meanRowsPerSecond(), other.spread());
    }
}
