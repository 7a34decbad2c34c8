package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.Side;
import java.util.concurrent.CompletableFuture;

/** A migration in progress. Live changes are validated, applied and recorded as events. */
public interface Run {

    long id();

    RunInfo info();

    /**
     * Adds a warning to the run's events (every listener hears it, the GUI's event log and the history show it):
     * for trouble outside the engine that the user must see, such as a history that cannot be written.
     */
    void warn(String message);

    /** Stops the workers; pools close; the result lists the partitions that completed. */
    void cancel();

    /**
     * Changes one side's maximumPoolSize and minimumIdle while the run goes on (every worker's pool in per-worker
     * mode). Shrinking evicts connections above the new cap as they are returned.
     */
    void resize(Side side, int maximumPoolSize, int minimumIdle) throws ConfigException;

    /** Changes the worker count; extra workers stop after their current partition. */
    void setWorkers(int workers) throws ConfigException;

    int workers();

    /**
     * Rows of table {@code tableIndex} (its position in the spec) written so far, committed or not yet: progress
     * that moves inside a partition's transaction. A partition that failed and is retried counts again.
     */
    long tableRowsWritten(int tableIndex);

    /** Where the workers' time went so far, summed over workers: read it at any time, it is a few atomic reads. */
    TimeBreakdown.Snapshot timeBreakdown();

    /** One side's pool settings now: as started, or as the last {@link #resize} left them. */
    io.poollab.config.PoolSettings poolSettings(Side side);

    /** One side's pool counters so far (all its pools summed in per-worker mode), for a live stats panel. */
    PoolCounters poolCounters(Side side);

    /**
     * @param created        physical connections opened; {@code created − open} of them have been closed
     * @param borrows        successful borrows; {@code borrows − created} of them reused a pooled connection
     * @param closedWithPool connections closed because their pool closed (a per-worker pool when its worker stopped)
     */
    record PoolCounters(long created, long borrows, long timeouts, long errors, long closedWithPool) {
    }

    /**
     * One side's health by the engine's thresholds ({@link io.poollab.pool.HealthTracker}) as of the latest sample;
     * healthy before the first one.
     */
    io.poollab.pool.HealthTracker.Assessment health(Side side);

    /** The worst health the side reached so far, with the reasons of that moment. */
    io.poollab.pool.HealthTracker.Assessment worstHealth(Side side);

    /** The side's highest utilization so far (active / maximumPoolSize); 0 when unpooled. */
    double peakUtilization(Side side);

    CompletableFuture<RunResult> completion();

    default RunResult await() throws InterruptedException {
        try {
            return completion().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the run's coordinator failed", e.getCause());
        }
    }
}
