package io.poollab.history;

import java.time.Instant;

/**
 * One line of {@code history list}: what was run, how it ended, and its headline numbers.
 *
 * @param rows          rows committed (null while running or when the run never started copying)
 * @param seconds       the copy phase's wall time
 * @param sourcePoolMax maximumPoolSize of the source pool (per pool, in per-worker mode); 0 unpooled
 * @param p95WaitMs     the worse of the two pools' p95 acquire wait over the run
 */
public record RunSummary(long id, Instant startedAt, String label, String status, String tables, Long rows,
                         Double seconds, int workers, String poolMode, int sourcePoolMax, int targetPoolMax,
                         Double p95WaitMs, String health, Long resumedFrom, Long sweepId, String originHost,
                         Long originId) {

    /** rows ÷ seconds, or null when either is unknown. */
    public Double rowsPerSecond() {
        return rows == null || seconds == null || seconds <= 0 ? null : rows / seconds;
    }
}
