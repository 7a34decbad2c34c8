package io.poollab.demo;

import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import java.util.List;

/**
 * What a front end hears while a scenario runs: the CLI prints it on stderr, the GUI's demo page shows it live.
 * Called on the thread that runs the scenario ({@link #runListeners} on the engine's threads, as any run listener):
 * a GUI hands it to its own thread. Every method is a no-op by default.
 */
public interface DemoListener {

    /** A line about what is happening: the server starting, rows being generated, a warning. */
    default void progress(String line) {
    }

    /** Every run the scenario will make, in order, before the first starts (a sweep's cells for right-size). */
    default void planned(Scenario scenario, List<Step> steps) {
    }

    /** Before run {@code index} (0-based) of {@code total}. */
    default void stepStarting(Step step, int index, int total) {
    }

    /** Listeners added to each run, for live charts (samples, events), as the Run page uses them. */
    default List<RunListener> runListeners() {
        return List.of();
    }

    /** Each run's handle once it started. */
    default void started(Run run) {
    }

    /** Each run as measured, once its history is written. */
    default void stepEnded(MeasuredStep step) {
    }
}
