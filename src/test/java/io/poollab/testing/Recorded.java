package io.poollab.testing;

import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import java.util.List;

/** Runs a real copy recorded in a history store, as the CLI does, with a hook for live changes while it runs. */
public final class Recorded {

    /** Something to do to the run while it goes on (a resize). */
    public interface During {
        void accept(Run run) throws Exception;
    }

    private Recorded() {
    }

    public static RunResult run(HistoryStore store, RunSpec spec, During during) throws Exception {
        return run(store, store.createRun(spec, null), spec, during);
    }

    /** With listeners of the test's own beside the recorder (faults injected at a partition's end). */
    public static RunResult run(HistoryStore store, RunSpec spec, During during, RunListener... also)
            throws Exception {
        return run(store, store.createRun(spec, null), spec, during, also);
    }

    /** For a run created by the test, whose id it needed first. */
    public static RunResult run(HistoryStore store, long runId, RunSpec spec, During during, RunListener... also)
            throws Exception {
        RunRecorder recorder = store.recorder(runId);
        java.util.List<RunListener> listeners = new java.util.ArrayList<>(List.of(also));
        listeners.add(0, recorder);
        Run run = new Engine().start(spec, runId, listeners);
        during.accept(run);
        RunResult result = run.await();
        recorder.close();
        return result;
    }
}
