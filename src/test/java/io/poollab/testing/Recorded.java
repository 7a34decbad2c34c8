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
        long runId = store.createRun(spec, null);
        RunRecorder recorder = store.recorder(runId);
        Run run = new Engine().start(spec, runId, List.<RunListener>of(recorder));
        during.accept(run);
        RunResult result = run.await();
        recorder.close();
        return result;
    }
}
