package io.poollab.migrate;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.util.Optional;

/**
 * Receives a run's progress. Called on engine threads (the sampler, workers): implementations must return quickly
 * and hand anything slow to their own thread. Every method is a no-op by default.
 */
public interface RunListener {

    /** The run's handle, before {@link #started} and the first sample: for listeners that read live counters. */
    default void starting(Run run) {
    }

    default void started(RunInfo info) {
    }

    default void sample(RunSample sample) {
    }

    default void event(RunEvent event) {
    }

    default void partitionCompleted(PartitionResult partition) {
    }

    default void finished(RunResult result) {
    }

    /**
     * HikariCP trackers that also hear every pool of the run as it opens (acquire and usage times, timeouts), beside
     * the engine's own instrumentation; an unpooled side reports its connects to them too. None by default.
     */
    default Optional<MetricsTrackerFactory> poolTrackers() {
        return Optional.empty();
    }
}
