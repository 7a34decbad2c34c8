package io.poollab.runner;

import io.poollab.db.Connections;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunResult;
import java.sql.SQLException;
import java.util.Optional;

/** A started run and its history recorder, which must be closed once the run ends. */
public final class LaunchedRun {

    private final Run run;
    private final RunRecorder recorder;
    private final HistoryStore history;

    LaunchedRun(Run run, RunRecorder recorder, HistoryStore history) {
        this.run = run;
        this.recorder = recorder;
        this.history = history;
    }

    public long runId() {
        return run.id();
    }

    public Run run() {
        return run;
    }

    /** Waits for the run to end and for its history to be written. */
    public Finished await() throws InterruptedException {
        RunResult result = run.await();
        return new Finished(result, closeRecorder());
    }

    private Optional<String> closeRecorder() {
        try {
            recorder.close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("run " + runId() + " could not be fully written to the history " + history.file()
                    + ": " + Connections.firstLine(e));
        }
    }

    /** @param historyWarning why the history of the run is incomplete, when it is */
    public record Finished(RunResult result, Optional<String> historyWarning) {
    }
}
