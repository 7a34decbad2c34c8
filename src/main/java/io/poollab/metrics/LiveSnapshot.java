package io.poollab.metrics;

import io.poollab.config.PoolMode;
import io.poollab.config.Side;
import io.poollab.migrate.PoolStats;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.pool.HealthTracker;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the endpoints serve, taken in one go right after each of the engine's samples: the sample itself, and the
 * run's counters and health assessments of that same moment. Every endpoint reads one snapshot, so /metrics,
 * /health and /stats never disagree with each other or with the run's own samples.
 *
 * @param state         {@code running}, or how the run ended ({@code succeeded}, {@code failed}, {@code cancelled})
 * @param sample        the latest sample; null before the first
 * @param rowsWritten   rows handed to the target's writers so far, committed or not (progress inside partitions)
 * @param estimatedRows the planner's estimate over all tables; 0 or less when unknown
 * @param sides         each side's view, empty before the first sample
 */
record LiveSnapshot(long runId, String state, PoolMode poolMode, RunSample sample, long rowsWritten,
                    long estimatedRows, Map<Side, SideView> sides) {

    /** One side at the snapshot's moment. */
    record SideView(SideSample sample, Run.PoolCounters counters, PoolStats stats, HealthTracker.Assessment health) {
    }

    static LiveSnapshot planned(long runId, PoolMode mode, long estimatedRows) {
        return new LiveSnapshot(runId, "running", mode, null, 0, estimatedRows, Map.of());
    }

    /** Reads the run's counters and health now: called on the sampler thread, right after {@code sample}. */
    static LiveSnapshot of(Run run, RunSample sample, long estimatedRows, int tableCount) {
        Map<Side, SideView> sides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            SideSample now = side == Side.SOURCE ? sample.source() : sample.target();
            Run.PoolCounters counters = run.poolCounters(side);
            sides.put(side, new SideView(now, counters, PoolStats.of(counters, now, run.peakUtilization(side)),
                    run.health(side)));
        }
        long written = 0;
        for (int i = 0; i < tableCount; i++) {
            written += run.tableRowsWritten(i);
        }
        return new LiveSnapshot(run.id(), "running", run.info().spec().poolMode(), sample, written, estimatedRows,
                Map.copyOf(sides));
    }

    LiveSnapshot ended(String endState) {
        return new LiveSnapshot(runId, endState, poolMode, sample, rowsWritten, estimatedRows, sides);
    }

    double elapsedSeconds() {
        return sample == null ? 0 : sample.elapsedMs() / 1000.0;
    }

    /** Rows written ÷ the estimate, at most 1; 1 once the run succeeded; NaN when there is no estimate. */
    double progress() {
        if (state.equals("succeeded")) {
            return 1;
        }
        return estimatedRows > 0 ? Math.min(1, (double) rowsWritten / estimatedRows) : Double.NaN;
    }

    /**
     * Seconds left at the mean rate so far (steadier than one interval's); NaN when unknown, 0 once ended. The
     * estimate is the planner's, so the ETA is as good as the table statistics.
     */
    double etaSeconds() {
        if (!state.equals("running")) {
            return 0;
        }
        double seconds = elapsedSeconds();
        if (estimatedRows <= 0 || rowsWritten <= 0 || seconds <= 0) {
            return Double.NaN;
        }
        return Math.max(0, estimatedRows - rowsWritten) / (rowsWritten / seconds);
    }
}
