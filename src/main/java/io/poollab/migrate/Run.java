package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.Side;
import java.util.concurrent.CompletableFuture;

/** A migration in progress. Live changes are validated, applied and recorded as events. */
public interface Run {

    long id();

    RunInfo info();

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

    CompletableFuture<RunResult> completion();

    default RunResult await() throws InterruptedException {
        try {
            return completion().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the run's coordinator failed", e.getCause());
        }
    }
}
