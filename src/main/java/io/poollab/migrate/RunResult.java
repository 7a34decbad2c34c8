package io.poollab.migrate;

import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.pool.Health;
import io.poollab.pool.LatencyStats;
import java.util.List;
import java.util.Map;

/**
 * Everything measured about a finished run.
 *
 * @param seconds        the copy phase's wall time: from the first worker's start to the last commit
 * @param verifySeconds  the verification phase's wall time (0 with {@code verify: none})
 * @param error          the one-line reason for a failure, or null
 * @param incomplete     partitions not committed when the run stopped (cancel or failure), as {@code table [range)}
 * @param waits          the server sessions' states summed over the samples, and PoolLab's own CPU and GC
 */
public record RunResult(long runId, RunSpec spec, RunStatus status, String error, long rows, long bytes,
                        double seconds, double verifySeconds, int workers, Map<Side, PoolSummary> pools,
                        TimeBreakdown.Snapshot timeBreakdown, List<TableResult> tables, Health health,
                        List<String> healthReasons, List<PartitionResult> completed, List<String> incomplete,
                        List<RunEvent> events, RunWaits waits) {

    /** A result without waits (server and client unmeasured). */
    public RunResult(long runId, RunSpec spec, RunStatus status, String error, long rows, long bytes, double seconds,
                     double verifySeconds, int workers, Map<Side, PoolSummary> pools,
                     TimeBreakdown.Snapshot timeBreakdown, List<TableResult> tables, Health health,
                     List<String> healthReasons, List<PartitionResult> completed, List<String> incomplete,
                     List<RunEvent> events) {
        this(runId, spec, status, error, rows, bytes, seconds, verifySeconds, workers, pools, timeBreakdown, tables,
                health, healthReasons, completed, incomplete, events, RunWaits.NONE);
    }

    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : rows / seconds;
    }

    public boolean verificationFailed() {
        return tables.stream().anyMatch(t -> t.verified() != null && !t.verified());
    }

    /**
     * One side's pool over the whole run.
     *
     * @param settings       the settings in force at the end, after any resize
     * @param peakDbSessions the most server sessions seen with this side's application name; -1 when not visible
     */
    public record PoolSummary(PoolSettings settings, int peakActive, int peakPending, int peakTotal,
                              double peakUtilization, long created, long borrows, long timeouts, long errors,
                              LatencyStats acquire, LatencyStats usage, LatencyStats creation, int peakDbSessions) {
    }

    /**
     * @param verified null when not verified ({@code verify: none}, or the run did not finish)
     */
    public record TableResult(String source, String target, long rows, int partitions, Boolean verified,
                              String sourceChecksum, String targetChecksum, long targetRows) {
    }
}
