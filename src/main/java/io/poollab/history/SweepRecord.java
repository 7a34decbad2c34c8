package io.poollab.history;

import java.time.Instant;
import java.util.List;

/**
 * A stored sweep: its grid and how it ended. Its cells are the runs whose sweep id is {@link #id()}; a grid
 * position with no run was skipped, for {@link #stopReason()}.
 *
 * @param poolMode   the pool mode of every cell ({@code shared}, {@code per-worker}, {@code unpooled})
 * @param endedAt    null while the sweep runs, or when it was killed
 * @param stopReason why the sweep stopped before its last cell, or null
 */
public record SweepRecord(long id, String label, Instant startedAt, Instant endedAt, List<Integer> workers,
                          List<Integer> poolSizes, int repeat, double tolerance, String poolMode,
                          String stopReason) {

    public SweepRecord {
        workers = List.copyOf(workers);
        poolSizes = List.copyOf(poolSizes);
    }

    /** Runs the grid asks for. */
    public int plannedRuns() {
        return workers.size() * poolSizes.size() * repeat;
    }
}
